package no.ks.barometer.store;

/** An item in the table does not have the shape this code writes: a bug or a manual edit, never client input. */
public final class CorruptItemException extends RuntimeException {

    public CorruptItemException(String message) {
        super(message);
    }
}
