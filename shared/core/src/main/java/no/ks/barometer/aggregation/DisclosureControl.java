package no.ks.barometer.aggregation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import no.ks.barometer.questionnaire.OrgType;

/**
 * Turns counts into a snapshot readers may see (docs/aggregation.md): a segment's figures of a table are published
 * only when no figure with fewer than k responses behind it, in this snapshot or added since the figures readers
 * saw last, can be worked out from what is published. A pure function of the counts, the state of what was
 * published before, and k.
 */
public final class DisclosureControl {
    public static final int DEFAULT_K = 5;

    private static final Segment[] SEGMENTS = Segment.values();
    private static final Set<OrgType> KOMMUNE = EnumSet.of(OrgType.KOMMUNE);
    private static final Set<OrgType> FYLKESKOMMUNE = EnumSet.of(OrgType.FYLKESKOMMUNE);

    private final int k;

    public DisclosureControl(int k) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, not " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    public Publication publish(Counts counts, PublicationState previous, String snapshotId, Instant computedAt) {
        Objects.requireNonNull(snapshotId, "snapshotId");
        Objects.requireNonNull(computedAt, "computedAt");
        Map<String, PublishedFigures> before = previous.byTableAndSegment();
        List<Table> tables = new ArrayList<>();
        List<Withheld> withheld = new ArrayList<>();
        List<PublishedFigures> state = new ArrayList<>();
        List<Item> items = counts.items();
        for (int i = 0; i < items.size(); i++) {
            Item item = items.get(i);
            PublishedFigures[] last = new PublishedFigures[SEGMENTS.length];
            for (Segment segment : SEGMENTS) {
                last[segment.ordinal()] = before.get(item.key() + " " + segment.code());
            }
            Reason[] reasons = decide(counts, i, last);
            List<SegmentFigures> figures = new ArrayList<>();
            for (Segment segment : SEGMENTS) {
                Reason reason = reasons[segment.ordinal()];
                PublishedFigures published = last[segment.ordinal()];
                if (reason == null) {
                    PublishedFigures fresh = fresh(counts, i, segment, snapshotId, computedAt);
                    state.add(fresh);
                    figures.add(new SegmentFigures(segment.code(), Disclosure.PUBLISHED, null, null, null,
                            fresh.base(), figures(item, fresh)));
                } else if (published != null) {
                    state.add(published);
                    figures.add(new SegmentFigures(segment.code(), Disclosure.CARRIED_FORWARD, reason,
                            published.snapshotId(), published.computedAt(), published.base(), figures(item, published)));
                    withheld.add(new Withheld(item.key(), segment.code(), Disclosure.CARRIED_FORWARD, reason));
                } else {
                    figures.add(new SegmentFigures(segment.code(), Disclosure.SUPPRESSED, reason, null, null, null,
                            List.of()));
                    withheld.add(new Withheld(item.key(), segment.code(), Disclosure.SUPPRESSED, reason));
                }
            }
            tables.add(new Table(item.key(), item.question(), item.row(), item.text(), item.perChoice(),
                    item.categories(), figures));
        }
        Snapshot snapshot = new Snapshot(Snapshot.FORMAT_VERSION, snapshotId, computedAt, counts.questionnaireId(),
                counts.questionnaireVersion(), completedInAll(tables.getFirst()), k, segmentInfo(counts),
                responseRates(counts, tables.getFirst()), tables, withheld);
        return new Publication(snapshot, new PublicationState(state));
    }

    /**
     * For each segment, why its figures of this table cannot be published fresh, or null when they can.
     *
     * <p>Every count of a table is a sum over atoms; a category that only some organisation types can be counted in
     * is zero by definition elsewhere, which a reader knows, so each such class of categories is checked on its own
     * atoms. A segment is sensitive in a class when fewer than k responses of that class are behind it, or when
     * fewer than k (but some) were added since its figures were last published. A sensitive segment's class
     * vector must not lie in the span of the published segments' vectors; while it does, the published segment
     * with the smallest base whose removal helps is withheld as a complement. An empty base is withheld too, but
     * not protected: a zero tells of no one's answers; so is an empty class of categories within a base, which
     * leaves its figures published as zeros.
     */
    private Reason[] decide(Counts counts, int item, PublishedFigures[] last) {
        Set<OrgType> baseTypes = counts.items().get(item).baseTypes();
        List<Set<OrgType>> classes = classes(counts.items().get(item));
        long[][][] vectors = new long[SEGMENTS.length][classes.size()][];
        Reason[] reasons = new Reason[SEGMENTS.length];
        List<Sensitive> sensitive = new ArrayList<>();
        for (Segment segment : SEGMENTS) {
            for (int c = 0; c < classes.size(); c++) {
                Set<OrgType> types = classes.get(c);
                long[] vector = vector(counts, segment, types);
                vectors[segment.ordinal()][c] = vector;
                if (isZero(vector)) {
                    continue;
                }
                long base = counts.base(item, segment, types);
                PublishedFigures published = last[segment.ordinal()];
                Reason reason = null;
                if (base < k && (base > 0 || types.equals(baseTypes))) {
                    reason = Reason.BASE_BELOW_K;
                } else if (published != null) {
                    long added = base - publishedBase(published, types);
                    if (added != 0 && added < k) {
                        reason = Reason.SMALL_INCREMENT;
                    }
                }
                if (reason != null) {
                    if (base > 0) {
                        sensitive.add(new Sensitive(segment, c, types, vector));
                    }
                    if (reasons[segment.ordinal()] == null || reason == Reason.BASE_BELOW_K) {
                        reasons[segment.ordinal()] = reason;
                    }
                }
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            Span[] spans = new Span[classes.size()];
            for (Sensitive cell : sensitive) {
                if (spans[cell.type()] == null) {
                    spans[cell.type()] = new Span(published(reasons, vectors, cell.type()));
                }
                if (spans[cell.type()].contains(cell.vector())) {
                    Segment complement = complement(counts, item, reasons, vectors, cell);
                    reasons[complement.ordinal()] = Reason.COMPLEMENT;
                    Arrays.fill(spans, null);
                    changed = true;
                }
            }
        }
        promoteDerivable(reasons, vectors, classes.size());
        return reasons;
    }

    /** A withheld complement that can be worked out anyway is published: it tells nothing new. */
    private static void promoteDerivable(Reason[] reasons, long[][][] vectors, int classes) {
        if (!Arrays.asList(reasons).contains(Reason.COMPLEMENT)) {
            return;
        }
        Span[] spans = new Span[classes];
        for (int c = 0; c < classes; c++) {
            spans[c] = new Span(published(reasons, vectors, c));
        }
        for (Segment segment : SEGMENTS) {
            if (reasons[segment.ordinal()] != Reason.COMPLEMENT) {
                continue;
            }
            boolean derivable = true;
            for (int c = 0; c < classes; c++) {
                derivable &= spans[c].contains(vectors[segment.ordinal()][c]);
            }
            if (derivable) {
                reasons[segment.ordinal()] = null;
            }
        }
    }

    private Segment complement(Counts counts, int item, Reason[] reasons, long[][][] vectors, Sensitive cell) {
        List<Segment> candidates = new ArrayList<>();
        for (Segment segment : SEGMENTS) {
            if (reasons[segment.ordinal()] == null) {
                candidates.add(segment);
            }
        }
        candidates.sort(Comparator.<Segment>comparingLong(s -> counts.base(item, s, cell.types()))
                .thenComparing(Comparator.<Segment>comparingInt(Enum::ordinal).reversed()));
        for (Segment candidate : candidates) {
            reasons[candidate.ordinal()] = Reason.COMPLEMENT;
            boolean helps = !new Span(published(reasons, vectors, cell.type())).contains(cell.vector());
            reasons[candidate.ordinal()] = null;
            if (helps) {
                return candidate;
            }
        }
        for (Segment candidate : candidates) {
            if (overlaps(vectors[candidate.ordinal()][cell.type()], cell.vector())) {
                return candidate;
            }
        }
        throw new IllegalStateException("A vector in the span overlaps none of the spanning vectors");
    }

    /** A sensitive segment in one class of a table; {@code type} is the class's index. */
    private record Sensitive(Segment segment, int type, Set<OrgType> types, long[] vector) {
    }

    /** The classes of organisation types whose atoms carry a table's counts: per category, and of its base. */
    private static List<Set<OrgType>> classes(Item item) {
        Set<Set<OrgType>> classes = new LinkedHashSet<>();
        if (!item.baseTypes().isEmpty()) {
            classes.add(item.baseTypes());
        }
        for (Category category : item.categories()) {
            if (!category.orgTypes().isEmpty()) {
                classes.add(category.orgTypes());
            }
        }
        return List.copyOf(classes);
    }

    /** The vectors of the segments published so far, in one class. */
    private static List<long[]> published(Reason[] reasons, long[][][] vectors, int type) {
        List<long[]> published = new ArrayList<>();
        for (Segment segment : SEGMENTS) {
            if (reasons[segment.ordinal()] == null) {
                published.add(vectors[segment.ordinal()][type]);
            }
        }
        return published;
    }

    /**
     * The atoms a segment's count of this class sums: those of the segment, of these types, with anyone invited
     * (an atom nobody was invited in is zero, and the register is public).
     */
    private static long[] vector(Counts counts, Segment segment, Set<OrgType> types) {
        long[] vector = new long[Atoms.COUNT];
        for (int atom = 0; atom < Atoms.COUNT; atom++) {
            if (segment.contains(atom) && types.contains(Atoms.orgType(atom)) && counts.invited(atom) > 0) {
                vector[atom] = 1;
            }
        }
        return vector;
    }

    private static boolean isZero(long[] vector) {
        for (long value : vector) {
            if (value != 0) {
                return false;
            }
        }
        return true;
    }

    private static boolean overlaps(long[] a, long[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] != 0 && b[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static long publishedBase(PublishedFigures published, Set<OrgType> types) {
        return (types.contains(OrgType.KOMMUNE) ? published.kommuneBase() : 0)
                + (types.contains(OrgType.FYLKESKOMMUNE) ? published.fylkeskommuneBase() : 0);
    }

    private static PublishedFigures fresh(Counts counts, int item, Segment segment, String snapshotId,
                                          Instant computedAt) {
        int categories = counts.items().get(item).categories().size();
        List<Long> values = new ArrayList<>(categories);
        for (int category = 0; category < categories; category++) {
            values.add(counts.count(item, segment, category));
        }
        long kommune = counts.base(item, segment, KOMMUNE);
        long fylkeskommune = counts.base(item, segment, FYLKESKOMMUNE);
        return new PublishedFigures(counts.items().get(item).key(), segment.code(), snapshotId, computedAt, kommune,
                fylkeskommune, kommune + fylkeskommune, values);
    }

    private static List<Figure> figures(Item item, PublishedFigures published) {
        List<Figure> figures = new ArrayList<>();
        for (int category = 0; category < item.categories().size(); category++) {
            long count = published.counts().get(category);
            figures.add(new Figure(item.categories().get(category).code(), count, share(count, published.base())));
        }
        return figures;
    }

    private static Double share(long count, long base) {
        return base == 0 ? null : Math.round(count * 10_000.0 / base) / 10_000.0;
    }

    private static List<SegmentInfo> segmentInfo(Counts counts) {
        List<SegmentInfo> info = new ArrayList<>();
        for (Segment segment : SEGMENTS) {
            info.add(new SegmentInfo(segment.code(), segment.label(), counts.invited(segment)));
        }
        return info;
    }

    private static List<ResponseRate> responseRates(Counts counts, Table participation) {
        List<ResponseRate> rates = new ArrayList<>();
        for (Segment segment : SEGMENTS) {
            SegmentFigures figures = participation.segments().get(segment.ordinal());
            long invited = counts.invited(segment);
            Long completed = figures.figures().isEmpty() ? null : figures.figures().getFirst().count();
            rates.add(new ResponseRate(segment.code(), invited, completed,
                    completed == null ? null : share(completed, invited)));
        }
        return rates;
    }

    private static Long completedInAll(Table participation) {
        SegmentFigures all = participation.segments().get(Segment.ALL.ordinal());
        return all.disclosure() == Disclosure.PUBLISHED ? all.figures().getFirst().count() : null;
    }
}
