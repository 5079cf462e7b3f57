package no.ks.barometer.local.template;

/**
 * A property value as written in the template: a literal or one of the long-form intrinsic functions the
 * template uses. Resolution needs to know what the resources are where the template runs, so it is left to the
 * caller.
 */
public sealed interface TemplateValue {

    record Literal(String value) implements TemplateValue {
    }

    /** {@code Ref: name}: a parameter's value or a resource's physical id. */
    record Ref(String name) implements TemplateValue {
    }

    /** {@code Fn::Sub: "text with ${Name}"} (the one-argument form). */
    record Sub(String template) implements TemplateValue {
    }

    /** {@code Fn::GetAtt: [resource, attribute]}. */
    record GetAtt(String resource, String attribute) implements TemplateValue {
    }
}
