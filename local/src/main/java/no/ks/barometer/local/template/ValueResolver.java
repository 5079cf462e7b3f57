package no.ks.barometer.local.template;

import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Gives template values the meaning they have where the stack runs: a {@code Ref} to a resource is its local
 * physical name, a {@code Ref} to a parameter its default, pseudo parameters a local stand-in, and the
 * template's conditions are evaluated with those values.
 *
 * @param physicalIds the local names of the resources that exist here, by logical id
 */
public record ValueResolver(SamTemplate template, Map<String, String> physicalIds, String region) {

    private static final Pattern SUBSTITUTION = Pattern.compile("\\$\\{([^}!][^}]*)}");
    /** {@code ${!Name}} is how Fn::Sub writes a literal {@code ${Name}}. */
    private static final String ESCAPED_SUBSTITUTION = "${!";

    public ValueResolver {
        physicalIds = Map.copyOf(physicalIds);
    }

    public String resolve(TemplateValue value) {
        return switch (value) {
            case TemplateValue.Literal literal -> literal.value();
            case TemplateValue.Ref ref -> reference(ref.name());
            case TemplateValue.Sub sub -> substitute(sub);
            case TemplateValue.GetAtt getAtt -> throw new TemplateException("Fn::GetAtt " + getAtt.resource() + "."
                    + getAtt.attribute() + " has no local value");
            case TemplateValue.Join join -> join.values().stream().map(this::resolve)
                    .collect(Collectors.joining(join.delimiter()));
            case TemplateValue.Select select -> {
                if (select.index() >= select.values().size()) {
                    throw new TemplateException("Fn::Select index " + select.index() + " is outside its list of "
                            + select.values().size());
                }
                yield resolve(select.values().get(select.index()));
            }
            case TemplateValue.If choice -> resolve(holds(choice.condition())
                    ? choice.whenTrue() : choice.whenFalse());
            case TemplateValue.FindInMap find -> {
                String map = resolve(find.map());
                String top = resolve(find.topLevelKey());
                String second = resolve(find.secondLevelKey());
                yield template.mappings().find(map, top, second).orElseThrow(() -> new TemplateException(
                        "Fn::FindInMap [" + map + ", " + top + ", " + second + "] finds no value in Mappings"));
            }
        };
    }

    /** Whether the template's condition {@code name} is true here. */
    public boolean holds(String name) {
        return holds(name, new HashSet<>());
    }

    private boolean holds(String name, Set<String> evaluating) {
        TemplateCondition condition = template.conditions().get(name);
        if (condition == null) {
            throw new TemplateException("Condition " + name + " is not declared in Conditions");
        }
        if (!evaluating.add(name)) {
            throw new TemplateException("Condition " + name + " refers to itself");
        }
        boolean holds = evaluate(condition, evaluating);
        evaluating.remove(name);
        return holds;
    }

    private boolean evaluate(TemplateCondition condition, Set<String> evaluating) {
        return switch (condition) {
            case TemplateCondition.Equals equals -> resolve(equals.left()).equals(resolve(equals.right()));
            case TemplateCondition.Not not -> !evaluate(not.condition(), evaluating);
            case TemplateCondition.And and -> and.conditions().stream().allMatch(c -> evaluate(c, evaluating));
            case TemplateCondition.Or or -> or.conditions().stream().anyMatch(c -> evaluate(c, evaluating));
            case TemplateCondition.Named named -> holds(named.name(), evaluating);
        };
    }

    private String substitute(TemplateValue.Sub sub) {
        Matcher matcher = SUBSTITUTION.matcher(sub.template());
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            TemplateValue variable = sub.variables().get(name);
            String replacement = variable != null ? resolve(variable) : subReference(name);
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString().replace(ESCAPED_SUBSTITUTION, "${");
    }

    /** {@code ${Name}} is a Ref, {@code ${Resource.Attribute}} a GetAtt. */
    private String subReference(String name) {
        int dot = name.indexOf('.');
        return dot < 0 ? reference(name)
                : resolve(new TemplateValue.GetAtt(name.substring(0, dot), name.substring(dot + 1)));
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
