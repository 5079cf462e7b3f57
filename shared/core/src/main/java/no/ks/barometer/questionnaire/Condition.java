package no.ks.barometer.questionnaire;

import java.util.List;

/** When a question is visible: a small declarative language with no expression evaluation. */
public sealed interface Condition {

    /** The question is visible, answered, and its chosen option (or one of its chosen options) is in {@code anyOf}. */
    record QuestionAnyOf(String question, List<Integer> anyOf) implements Condition {
        public QuestionAnyOf {
            anyOf = List.copyOf(anyOf);
        }
    }

    /** The respondent's organisation is of this type. */
    record OrgTypeIs(OrgType orgType) implements Condition {
    }

    /** Every condition holds. */
    record All(List<Condition> conditions) implements Condition {
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /** At least one condition holds. */
    record AnyOf(List<Condition> conditions) implements Condition {
        public AnyOf {
            conditions = List.copyOf(conditions);
        }
    }

    /** The condition does not hold. */
    record Not(Condition condition) implements Condition {
    }
}
