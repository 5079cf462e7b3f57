package no.ks.barometer.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToDoubleFunction;
import no.ks.barometer.aggregation.Aggregator;
import no.ks.barometer.aggregation.DisclosureControl;
import no.ks.barometer.aggregation.Publication;
import no.ks.barometer.aggregation.PublicationState;
import no.ks.barometer.aggregation.ResponseRecord;
import no.ks.barometer.aggregation.TableLayout;
import no.ks.barometer.http.Json;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.register.Register;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ParsedAnswers;
import no.ks.barometer.rules.RulesEngine;

/**
 * A snapshot's recompute over N synthetic completed responses against the floor: reading the same items (the
 * answers' JSON parsed by the API's strict reader and read into typed answers), in the same run, the two taking
 * turns slice by slice, and the ratio taken round by round.
 * Items are made as they are read, as a query's pages stream, so the heap holds only what aggregation keeps.
 * Times are the thread's CPU time, so that other work on a shared machine does not count; wall times are printed
 * beside them. A plain program rather than JMH: one run gives the ratio at every size and the heap retained (see
 * BENCHMARKS.md).
 */
public final class AggregationBench {
    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final int[] ROUNDS = {41, 15, 11};
    private static final int WARM_UP_ITEMS = 300_000;
    /** The read and the recompute take turns by this many items within a round. */
    private static final int SLICE = 1_000;
    /**
     * Then rounds of the smallest size, both paths alternating: a recompute runs the disclosure control once however
     * many items it counts, so the long warm-up alone left it cold (interpreted) in the measured rounds at 1 000.
     */
    private static final int WARM_UP_ROUNDS = 300;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Questionnaire questionnaire = QuestionnaireCatalog.fromClasspath()
            .current("innovasjonsbarometer-2024").orElseThrow().questionnaire();
    private final TableLayout layout = new TableLayout(new RulesEngine(questionnaire));
    private final List<Organisation> register = Register.standard().all();
    private final byte[][] answers = {
            RulesEngineBenchmark.Response.KOMMUNE_LONG_PATH.answers.getBytes(StandardCharsets.UTF_8),
            RulesEngineBenchmark.Response.NO_INNOVATION.answers.getBytes(StandardCharsets.UTF_8),
            RulesEngineBenchmark.Response.FYLKESKOMMUNE.answers.getBytes(StandardCharsets.UTF_8)};
    private long sink;

    public static void main(String[] args) {
        new AggregationBench().run();
    }

    private void run() {
        raw(WARM_UP_ITEMS);
        recompute(WARM_UP_ITEMS);
        for (int round = 0; round < WARM_UP_ROUNDS; round++) {
            raw(SIZES[0]);
            recompute(SIZES[0]);
        }
        System.out.printf("%-8s %10s %15s %6s %17s %12s %17s %20s%n", "items", "read CPU ms", "recompute CPU ms",
                "ratio", "recompute µs/item", "wall ratio", "heap retained KiB", "rounds (median of)");
        for (int s = 0; s < SIZES.length; s++) {
            int size = SIZES[s];
            Round[] rounds = new Round[ROUNDS[s]];
            for (int r = 0; r < rounds.length; r++) {
                rounds[r] = lockstep(size, r % 2 == 0);
            }
            double readMs = median(rounds, round -> round.readCpu) / 1e6;
            double recomputeMs = median(rounds, round -> round.recomputeCpu) / 1e6;
            System.out.printf("%-8d %10.1f %15.1f %6.2f %17.2f %12.2f %17d %20d%n", size, readMs, recomputeMs,
                    median(rounds, Round::cpuRatio), recomputeMs * 1000 / size, median(rounds, Round::wallRatio),
                    retainedKib(size), ROUNDS[s]);
        }
        resetPeaks();
        recompute(SIZES[SIZES.length - 1]);
        System.out.printf("peak heap during a recompute of %d: %d MiB (max heap %d MiB)%n", SIZES[SIZES.length - 1],
                peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(sink == 42 ? "" : "done");
    }

    /** The times of one round: the read and the recompute of the same items. */
    private static final class Round {
        long readCpu;
        long readWall;
        long recomputeCpu;
        long recomputeWall;

        double cpuRatio() {
            return (double) recomputeCpu / readCpu;
        }

        double wallRatio() {
            return (double) recomputeWall / readWall;
        }
    }

    /**
     * One round of {@code size} items: the read and the recompute advance together, a slice of {@value #SLICE}
     * items of one, then the same slice of the other (which goes first alternates), so that both meet the machine
     * as it is at that moment. The recompute is one aggregator over all the items and one disclosure control.
     */
    private Round lockstep(int size, boolean recomputeFirst) {
        Round round = new Round();
        Aggregator[] aggregator = new Aggregator[1];
        recomputeTime(round, () -> aggregator[0] = new Aggregator(layout));
        for (int start = 0; start < size; start += SLICE) {
            int from = start;
            int to = Math.min(size, start + SLICE);
            boolean recomputeNow = recomputeFirst == ((start / SLICE) % 2 == 0);
            for (int path = 0; path < 2; path++) {
                if (recomputeNow) {
                    recomputeTime(round, () -> accept(aggregator[0], from, to));
                } else {
                    long wall = System.nanoTime();
                    long cpu = THREADS.getCurrentThreadCpuTime();
                    raw(from, to);
                    round.readCpu += THREADS.getCurrentThreadCpuTime() - cpu;
                    round.readWall += System.nanoTime() - wall;
                }
                recomputeNow = !recomputeNow;
            }
        }
        recomputeTime(round, () -> publish(aggregator[0]));
        return round;
    }

    private static void recomputeTime(Round round, Runnable step) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        step.run();
        round.recomputeCpu += THREADS.getCurrentThreadCpuTime() - cpu;
        round.recomputeWall += System.nanoTime() - wall;
    }

    /** The floor: every item read as the recompute reads it, and nothing else. */
    private void raw(int size) {
        raw(0, size);
    }

    private void raw(int from, int to) {
        for (int i = from; i < to; i++) {
            sink += read(i).answers().size();
        }
    }

    private void recompute(int size) {
        publish(aggregate(size));
    }

    private void publish(Aggregator aggregator) {
        Publication publication = new DisclosureControl(DisclosureControl.DEFAULT_K)
                .publish(aggregator.counts(), PublicationState.none(), "bench", Instant.EPOCH);
        sink += publication.snapshot().tables().size();
    }

    private Aggregator aggregate(int size) {
        Aggregator aggregator = new Aggregator(layout);
        accept(aggregator, 0, size);
        return aggregator;
    }

    private void accept(Aggregator aggregator, int from, int to) {
        for (int i = from; i < to; i++) {
            aggregator.accept(new ResponseRecord(organisation(i), ResponseStatus.COMPLETED, questionnaire.version(),
                    read(i).answers()));
        }
    }

    private ParsedAnswers read(int i) {
        Organisation organisation = organisation(i);
        byte[] body = organisation.type() == OrgType.FYLKESKOMMUNE ? answers[2] : answers[i % 2];
        return AnswerCodec.read(questionnaire, Json.readStrict(body));
    }

    private Organisation organisation(int i) {
        return register.get(i % register.size());
    }

    /** The heap still held after aggregating {@code size} items, with the aggregator reachable. */
    private long retainedKib(int size) {
        long before = usedAfterGc();
        Aggregator aggregator = aggregate(size);
        long after = usedAfterGc();
        Reference.reachabilityFence(aggregator);
        return Math.max(0, after - before) >> 10;
    }

    private static long usedAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    private static void resetPeaks() {
        usedAfterGc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
    }

    /** The sum of the heap pools' peaks: an upper bound on the heap used at any one time. */
    private static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static double median(Round[] rounds, ToDoubleFunction<Round> value) {
        double[] sorted = Arrays.stream(rounds).mapToDouble(value).sorted().toArray();
        return sorted[sorted.length / 2];
    }
}
