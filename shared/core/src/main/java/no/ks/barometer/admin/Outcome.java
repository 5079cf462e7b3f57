package no.ks.barometer.admin;

import java.util.List;
import java.util.Objects;

/** What an administrative action gives: its result, or why nothing was done. */
public sealed interface Outcome<T> permits Outcome.Done, Outcome.Refused {

    record Done<T>(T value) implements Outcome<T> {
        public Done {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * @param detail Norwegian, for the person who asked
     * @param errors what was wrong, field by field (an import's bad rows); may be empty
     */
    record Refused<T>(Refusal reason, String detail, List<FieldError> errors) implements Outcome<T> {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
            errors = List.copyOf(errors);
        }
    }

    static <T> Outcome<T> done(T value) {
        return new Done<>(value);
    }

    static <T> Outcome<T> refused(Refusal reason, String detail) {
        return new Refused<>(reason, detail, List.of());
    }
}
