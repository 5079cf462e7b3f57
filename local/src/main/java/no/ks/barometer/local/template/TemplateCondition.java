package no.ks.barometer.local.template;

import java.util.List;

/** A condition of the template's {@code Conditions}, or a part of one. */
public sealed interface TemplateCondition {

    /** {@code Fn::Equals: [a, b]}: the two values resolve to the same text. */
    record Equals(TemplateValue left, TemplateValue right) implements TemplateCondition {
    }

    /** {@code Fn::Not: [condition]}. */
    record Not(TemplateCondition condition) implements TemplateCondition {
    }

    /** {@code Fn::And: [conditions]}. */
    record And(List<TemplateCondition> conditions) implements TemplateCondition {

        public And {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code Fn::Or: [conditions]}. */
    record Or(List<TemplateCondition> conditions) implements TemplateCondition {

        public Or {
            conditions = List.copyOf(conditions);
        }
    }

    /** {@code Condition: name}: another condition of the template. */
    record Named(String name) implements TemplateCondition {
    }
}
