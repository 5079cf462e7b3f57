package no.ks.barometer.questionnaire;

import java.util.Optional;

public enum QuestionType {
    /** One option. */
    SINGLE("single"),
    /** One or more options, at most {@code maxChoices}. */
    MULTIPLE("multiple"),
    /** Open text. */
    TEXT("text"),
    /** One column per row. */
    GRID("grid");

    private final String code;

    QuestionType(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public boolean hasOptions() {
        return this == SINGLE || this == MULTIPLE;
    }

    public static Optional<QuestionType> fromCode(String code) {
        for (QuestionType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
