package no.ks.barometer.local.template;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gives template values the meaning they have where the stack runs: a {@code Ref} to a resource is its local
 * physical name, a {@code Ref} to a parameter its default, pseudo parameters a local stand-in.
 *
 * @param physicalIds the local names of the resources that exist here, by logical id
 */
public record ValueResolver(SamTemplate template, Map<String, String> physicalIds, String region) {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}!]+)}");

    public ValueResolver {
        physicalIds = Map.copyOf(physicalIds);
    }

    public String resolve(TemplateValue value) {
        return switch (value) {
            case TemplateValue.Literal literal -> literal.value();
            case TemplateValue.Ref ref -> reference(ref.name());
            case TemplateValue.Sub sub -> substitute(sub.template());
            case TemplateValue.GetAtt getAtt -> throw new TemplateException("Fn::GetAtt " + getAtt.resource() + "."
                    + getAtt.attribute() + " has no local value");
        };
    }

    private String substitute(String text) {
        Matcher matcher = SUBSTITUTION.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(reference(matcher.group(1))));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private String reference(String name) {
        return Optional.ofNullable(physicalIds.get(name))
                .or(() -> template.parameter(name).flatMap(TemplateParameter::defaultValue))
                .or(() -> pseudoParameter(name))
                .orElseThrow(() -> new TemplateException("Ref " + name + " has no local value"));
    }

    private Optional<String> pseudoParameter(String name) {
        return Optional.ofNullable(switch (name) {
            case "AWS::Region" -> region;
            case "AWS::AccountId" -> "000000000000";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "barometer-local";
            default -> null;
        });
    }
}
