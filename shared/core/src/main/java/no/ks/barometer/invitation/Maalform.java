package no.ks.barometer.invitation;

import java.util.Optional;

/** An organisation's official written standard; mail to it is written in Nynorsk where it asks for that. */
public enum Maalform {
    BOKMAAL("Bokmål"),
    NYNORSK("Nynorsk"),
    NOEYTRAL("Nøytral");

    private final String label;

    Maalform(String label) {
        this.label = label;
    }

    /** The register's own word for it. */
    public String label() {
        return label;
    }

    public static Optional<Maalform> fromLabel(String label) {
        for (Maalform maalform : values()) {
            if (maalform.label.equals(label)) {
                return Optional.of(maalform);
            }
        }
        return Optional.empty();
    }
}
