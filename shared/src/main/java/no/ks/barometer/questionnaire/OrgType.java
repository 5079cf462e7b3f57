package no.ks.barometer.questionnaire;

import java.util.Optional;

/** The two kinds of organisation the barometer asks; questions, options and rows may be shown to one only. */
public enum OrgType {
    KOMMUNE("kommune"),
    FYLKESKOMMUNE("fylkeskommune");

    private final String code;

    OrgType(String code) {
        this.code = code;
    }

    /** The code used in definitions, the API and storage. */
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
