package no.ks.barometer.questionnaire;

import java.util.Optional;

/** The kind of organisation that answers: some options and grid rows are shown to only one of them. */
public enum OrgType {
    KOMMUNE("kommune"),
    FYLKESKOMMUNE("fylkeskommune");

    private final String code;

    OrgType(String code) {
        this.code = code;
    }

    /** The code used in definitions, answers and the API. */
    public String code() {
        return code;
    }

    public static Optional<OrgType> fromCode(String code) {
        for (OrgType type : values()) {
            if (type.code.equals(code)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
