package no.ks.barometer.rules;

/** Done visible pages out of visible pages, counted with the current answers. */
public record Progress(int done, int total) {
    /** Whole percent, rounded down; 100 when there is nothing to do. */
    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }
}
