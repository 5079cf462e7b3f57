package no.ks.barometer.local.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a load run did and found.
 *
 * @param respondents   how many organisations answered
 * @param elapsed       from the first request to the last respondent's check
 * @param latencies     every request's time to its whole answer, in nanoseconds
 * @param byStatusClass requests by status class (200, 400, 500 for 2xx, 4xx, 5xx)
 * @param steps         how often each kind of step was taken
 * @param problems      a respondent's unexpected answer or a stored response that differs from what its client
 *                      last had confirmed; empty when nothing was lost
 */
public record LoadReport(int respondents, Duration elapsed, List<Long> latencies, Map<Integer, Integer> byStatusClass,
                         Map<LoadRun.Step, Long> steps, List<String> problems) {

    public LoadReport {
        latencies = List.copyOf(latencies);
        byStatusClass = Collections.unmodifiableMap(new TreeMap<>(byStatusClass));
        steps = Collections.unmodifiableMap(new EnumMap<>(steps));
        problems = List.copyOf(problems);
    }

    public int requests() {
        return latencies.size();
    }

    public int serverErrors() {
        return byStatusClass.getOrDefault(500, 0);
    }

    public double requestsPerSecond() {
        return requests() / (elapsed.toNanos() / 1e9);
    }

    /** The latency below which {@code percent} of the requests answered, in milliseconds (nearest rank). */
    public double percentileMillis(double percent) {
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(percent / 100 * sorted.size());
        return sorted.get(Math.max(0, rank - 1)) / 1e6;
    }

    /** A few lines for a person: counts, throughput, latencies and every problem. */
    public String summary() {
        StringBuilder text = new StringBuilder(String.format(Locale.ROOT,
                "%d respondents, %d requests in %.1f s: %.0f requests/s; latency p50 %.1f ms, p95 %.1f ms,"
                        + " p99 %.1f ms; by status %s; 5xx: %d%n",
                respondents, requests(), elapsed.toNanos() / 1e9, requestsPerSecond(), percentileMillis(50),
                percentileMillis(95), percentileMillis(99), byStatusClass, serverErrors()));
        text.append("steps: ").append(steps).append(System.lineSeparator());
        text.append(problems.isEmpty() ? "every stored response equals what its client last had confirmed"
                : problems.size() + " problems:" + System.lineSeparator() + String.join(System.lineSeparator(),
                        problems)).append(System.lineSeparator());
        return text.toString();
    }
}
