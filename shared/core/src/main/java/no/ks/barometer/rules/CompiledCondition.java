package no.ks.barometer.rules;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import no.ks.barometer.questionnaire.Condition;

/**
 * A visibility condition bound to question indexes, so that evaluating it needs no lookup by id. It reads the
 * effective answers: those of visible questions, with hidden ones absent.
 */
sealed interface CompiledCondition {

    boolean test(int orgType, Answer[] effective);

    static CompiledCondition compile(Condition condition, Map<String, Integer> questionIndex) {
        return switch (condition) {
            case Condition.QuestionAnyOf atom -> {
                int[] codes = atom.anyOf().stream().mapToInt(Integer::intValue).sorted().toArray();
                yield new AnyChosen(questionIndex.get(atom.question()), codes);
            }
            case Condition.OrgTypeIs is -> new OrgTypeIs(is.orgType().ordinal());
            case Condition.All all -> new All(compileAll(all.conditions(), questionIndex));
            case Condition.AnyOf any -> new Any(compileAll(any.conditions(), questionIndex));
            case Condition.Not not -> new Not(compile(not.condition(), questionIndex));
        };
    }

    private static CompiledCondition[] compileAll(List<Condition> conditions, Map<String, Integer> questionIndex) {
        return conditions.stream().map(c -> compile(c, questionIndex)).toArray(CompiledCondition[]::new);
    }

    record AnyChosen(int question, int[] sortedCodes) implements CompiledCondition {
        @Override
        public boolean test(int orgType, Answer[] effective) {
            Answer answer = effective[question];
            if (answer instanceof SingleChoice single) {
                return Arrays.binarySearch(sortedCodes, single.code()) >= 0;
            }
            if (answer instanceof MultipleChoice multiple) {
                List<Integer> codes = multiple.codes();
                for (int i = 0; i < codes.size(); i++) {
                    if (Arrays.binarySearch(sortedCodes, codes.get(i)) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    record OrgTypeIs(int orgType) implements CompiledCondition {
        @Override
        public boolean test(int orgType, Answer[] effective) {
            return this.orgType == orgType;
        }
    }

    record All(CompiledCondition[] conditions) implements CompiledCondition {
        @Override
        public boolean test(int orgType, Answer[] effective) {
            for (CompiledCondition condition : conditions) {
                if (!condition.test(orgType, effective)) {
                    return false;
                }
            }
            return true;
        }
    }

    record Any(CompiledCondition[] conditions) implements CompiledCondition {
        @Override
        public boolean test(int orgType, Answer[] effective) {
            for (CompiledCondition condition : conditions) {
                if (condition.test(orgType, effective)) {
                    return true;
                }
            }
            return false;
        }
    }

    record Not(CompiledCondition condition) implements CompiledCondition {
        @Override
        public boolean test(int orgType, Answer[] effective) {
            return !condition.test(orgType, effective);
        }
    }
}
