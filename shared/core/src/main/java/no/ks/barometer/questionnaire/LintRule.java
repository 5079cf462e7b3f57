package no.ks.barometer.questionnaire;

/** The rules a definition must keep beyond its JSON shape; each {@link LintProblem} names the one it breaks. */
public enum LintRule {
    DUPLICATE_PAGE_ID,
    DUPLICATE_QUESTION_ID,
    DUPLICATE_CODE,
    EMPTY_PAGE,
    LIMITS,
    OPTIONS_SHAPE,
    GRID_SHAPE,
    OTHER_OPTION,
    EXCLUSIVE_OPTION,
    MAX_CHOICES,
    ENDS_SURVEY,
    NEVER_OFFERED,
    CONDITION_REFERENCE,
    CONDITION_CODE,
    CONDITION_EMPTY,
    CARRY_FORWARD,
    UNREACHABLE_QUESTION
}
