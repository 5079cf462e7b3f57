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
import java.util.function.IntConsumer;
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
 * answers' JSON parsed by the API's strict reader and read into typed answers), in the same run, interleaved.
 * Items are made as they are read, as a query's pages stream, so the heap holds only what aggregation keeps.
 * Times are the thread's CPU time, so that other work on a shared machine does not count; wall times are printed
 * beside them. A plain program rather than JMH: one run gives the ratio at every size and the heap retained (see
 * BENCHMARKS.md).
 */
public final class AggregationBench {
    private static final int[] SIZES = {1_000, 10_000, 100_000};
    private static final int[] ROUNDS = {41, 15, 11};
    private static final int WARM_UP_ITEMS = 300_000;
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
            long[] read = new long[ROUNDS[s]];
            long[] recompute = new long[ROUNDS[s]];
            long[] readWall = new long[ROUNDS[s]];
            long[] recomputeWall = new long[ROUNDS[s]];
            for (int round = 0; round < ROUNDS[s]; round++) {
                // Which path goes first alternates, so that neither always inherits the other's garbage.
                if (round % 2 == 0) {
                    measure(this::raw, size, round, read, readWall);
                    measure(this::recompute, size, round, recompute, recomputeWall);
                } else {
                    measure(this::recompute, size, round, recompute, recomputeWall);
                    measure(this::raw, size, round, read, readWall);
                }
            }
            double readMs = median(read) / 1e6;
            double recomputeMs = median(recompute) / 1e6;
            System.out.printf("%-8d %10.1f %15.1f %6.2f %17.2f %12.2f %17d %20d%n", size, readMs, recomputeMs,
                    recomputeMs / readMs, recomputeMs * 1000 / size, median(recomputeWall) / median(readWall),
                    retainedKib(size), ROUNDS[s]);
        }
        resetPeaks();
        recompute(SIZES[SIZES.length - 1]);
        System.out.printf("peak heap during a recompute of %d: %d MiB (max heap %d MiB)%n", SIZES[SIZES.length - 1],
                peakHeapBytes() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        System.out.println(sink == 42 ? "" : "done");
    }

    private static void measure(IntConsumer path, int size, int round, long[] cpuTimes, long[] wallTimes) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        path.accept(size);
        cpuTimes[round] = THREADS.getCurrentThreadCpuTime() - cpu;
        wallTimes[round] = System.nanoTime() - wall;
    }

    /** The floor: every item read as the recompute reads it, and nothing else. */
    private void raw(int size) {
        for (int i = 0; i < size; i++) {
            sink += read(i).answers().size();
        }
    }

    private void recompute(int size) {
        Aggregator aggregator = aggregate(size);
        Publication publication = new DisclosureControl(DisclosureControl.DEFAULT_K)
                .publish(aggregator.counts(), PublicationState.none(), "bench", Instant.EPOCH);
        sink += publication.snapshot().tables().size();
    }

    private Aggregator aggregate(int size) {
        Aggregator aggregator = new Aggregator(layout);
        for (int i = 0; i < size; i++) {
            aggregator.accept(new ResponseRecord(organisation(i), ResponseStatus.COMPLETED, questionnaire.version(),
                    read(i).answers()));
        }
        return aggregator;
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

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
