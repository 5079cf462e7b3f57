package no.ks.barometer.local.template;

import java.util.List;
import java.util.Map;

/**
 * A property value as written in the template: a literal or one of the intrinsic functions the local stack can
 * give a value. Short forms ({@code !Sub}) arrive here in their long form ({@code Fn::Sub}). Resolution needs to
 * know what the resources are where the template runs, so it is left to {@link ValueResolver}.
 */
public sealed interface TemplateValue {

    record Literal(String value) implements TemplateValue {
    }

    /** {@code Ref: name}: a parameter's value or a resource's physical id. */
    record Ref(String name) implements TemplateValue {
    }

    /**
     * {@code Fn::Sub}: text with {@code ${Name}} references; in the two-argument form with variables of its own,
     * which win over parameters and resources of the same name.
     */
    record Sub(String template, Map<String, TemplateValue> variables) implements TemplateValue {

        public Sub {
            variables = Map.copyOf(variables);
        }

        public Sub(String template) {
            this(template, Map.of());
        }
    }

    /** {@code Fn::GetAtt: [resource, attribute]}. */
    record GetAtt(String resource, String attribute) implements TemplateValue {
    }

    /** {@code Fn::Join: [delimiter, [values]]}. */
    record Join(String delimiter, List<TemplateValue> values) implements TemplateValue {

        public Join {
            values = List.copyOf(values);
        }
    }

    /** {@code Fn::Select: [index, [values]]}. */
    record Select(int index, List<TemplateValue> values) implements TemplateValue {

        public Select {
            values = List.copyOf(values);
        }
    }

    /** {@code Fn::If: [condition, value if true, value if false]}, the condition named in {@code Conditions}. */
    record If(String condition, TemplateValue whenTrue, TemplateValue whenFalse) implements TemplateValue {
    }

    /** {@code Fn::FindInMap: [map, top-level key, second-level key]} in the template's {@code Mappings}. */
    record FindInMap(TemplateValue map, TemplateValue topLevelKey, TemplateValue secondLevelKey)
            implements TemplateValue {
    }
}
