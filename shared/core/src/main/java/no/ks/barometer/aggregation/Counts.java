package no.ks.barometer.aggregation;

import java.util.List;
import no.ks.barometer.questionnaire.OrgType;

/**
 * What an {@link Aggregator} has counted, per atom: the invited organisations, and for every table its base and
 * category counts. Immutable.
 */
public final class Counts {
    private final String questionnaireId;
    private final int questionnaireVersion;
    private final List<Item> items;
    private final long[] invited;
    /** Per item: per atom, the base then one count per category. */
    private final long[][] cells;

    Counts(String questionnaireId, int questionnaireVersion, List<Item> items, long[] invited, long[][] cells) {
        this.questionnaireId = questionnaireId;
        this.questionnaireVersion = questionnaireVersion;
        this.items = List.copyOf(items);
        this.invited = invited.clone();
        this.cells = new long[cells.length][];
        for (int i = 0; i < cells.length; i++) {
            this.cells[i] = cells[i].clone();
        }
    }

    public String questionnaireId() {
        return questionnaireId;
    }

    public int questionnaireVersion() {
        return questionnaireVersion;
    }

    public List<Item> items() {
        return items;
    }

    long invited(int atom) {
        return invited[atom];
    }

    long base(int item, int atom) {
        return cells[item][atom * width(item)];
    }

    long count(int item, int atom, int category) {
        return cells[item][atom * width(item) + 1 + category];
    }

    private int width(int item) {
        return 1 + items.get(item).categories().size();
    }

    public long invited(Segment segment) {
        long sum = 0;
        for (int atom = 0; atom < Atoms.COUNT; atom++) {
            if (segment.contains(atom)) {
                sum += invited[atom];
            }
        }
        return sum;
    }

    /** The base of a table in a segment, counting only organisations of the given types. */
    long base(int item, Segment segment, java.util.Set<OrgType> types) {
        long sum = 0;
        for (int atom = 0; atom < Atoms.COUNT; atom++) {
            if (segment.contains(atom) && types.contains(Atoms.orgType(atom))) {
                sum += base(item, atom);
            }
        }
        return sum;
    }

    long count(int item, Segment segment, int category) {
        long sum = 0;
        for (int atom = 0; atom < Atoms.COUNT; atom++) {
            if (segment.contains(atom)) {
                sum += count(item, atom, category);
            }
        }
        return sum;
    }
}
