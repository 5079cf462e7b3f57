package no.ks.barometer.local.schedule;

import no.ks.barometer.local.LocalService;
import no.ks.barometer.local.functions.LocalFunction;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Runs the template's schedules here: each timed schedule invokes its function with the event EventBridge would
 * send, when its expression says, read on the given clock. A thread wakes at least every {@code tick} and runs what
 * has come due, so a test can move the clock instead of waiting. A schedule that was due more than once while the
 * clock jumped runs once, as EventBridge does not catch up either. A failed invocation is reported, not retried.
 * Any schedule, timed or not, can also be run at once with {@link #run(String)}.
 */
public final class LocalScheduler implements LocalService {

    static final Duration DEFAULT_TICK = Duration.ofSeconds(1);

    /** One invocation: when it was due, the event it got, and how it went. */
    public record Run(LocalSchedule schedule, Instant time, String event, Result result) {
    }

    public sealed interface Result {
    }

    /** @param output the function's answer as JSON */
    public record Succeeded(String output) implements Result {
    }

    public record Failed(String message) implements Result {
    }

    private final Map<String, LocalSchedule> schedules = new LinkedHashMap<>();
    private final Map<String, LocalFunction> functions;
    private final Clock clock;
    private final Duration tick;
    private final PrintStream out;
    /** When each timed schedule fires next; guarded by this. */
    private final Map<String, Instant> next = new LinkedHashMap<>();
    private Instant started;
    private Thread thread;

    /**
     * @param functions by logical id, one for every function a schedule names
     * @param out       where each run is reported
     */
    public LocalScheduler(List<LocalSchedule> schedules, Map<String, LocalFunction> functions, Clock clock,
                          PrintStream out) {
        this(schedules, functions, clock, out, DEFAULT_TICK);
    }

    LocalScheduler(List<LocalSchedule> schedules, Map<String, LocalFunction> functions, Clock clock,
                   PrintStream out, Duration tick) {
        for (LocalSchedule schedule : schedules) {
            if (!functions.containsKey(schedule.function())) {
                throw new IllegalArgumentException("No function loaded for schedule " + schedule.name());
            }
            this.schedules.put(schedule.name(), schedule);
        }
        this.functions = Map.copyOf(functions);
        this.clock = clock;
        this.out = out;
        this.tick = tick;
    }

    @Override
    public String name() {
        return "Tidsplanene";
    }

    @Override
    public void start() {
        synchronized (this) {
            started = clock.instant();
            for (LocalSchedule schedule : schedules.values()) {
                if (schedule.timing() instanceof LocalSchedule.Timed timed) {
                    timed.expression().nextAfter(started, started).ifPresent(at -> next.put(schedule.name(), at));
                }
            }
        }
        thread = new Thread(this::loop, "barometer-scheduler");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                Thread.sleep(untilNext().toMillis());
                runDue(clock.instant());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** How long to sleep: until the next schedule is due, at most a tick, since the clock may be moved. */
    private synchronized Duration untilNext() {
        Instant now = clock.instant();
        return next.values().stream()
                .map(at -> Duration.between(now, at))
                .filter(wait -> wait.compareTo(tick) < 0)
                .min(Duration::compareTo)
                .map(wait -> wait.isNegative() ? Duration.ZERO : wait)
                .orElse(tick);
    }

    /** Runs every schedule due at {@code now} and sets when it fires next. */
    List<Run> runDue(Instant now) {
        List<Map.Entry<LocalSchedule, Instant>> due = new ArrayList<>();
        synchronized (this) {
            for (Map.Entry<String, Instant> entry : List.copyOf(next.entrySet())) {
                if (entry.getValue().isAfter(now)) {
                    continue;
                }
                LocalSchedule schedule = schedules.get(entry.getKey());
                due.add(Map.entry(schedule, entry.getValue()));
                Optional<Instant> following = ((LocalSchedule.Timed) schedule.timing()).expression()
                        .nextAfter(now, started);
                following.ifPresentOrElse(at -> next.put(schedule.name(), at), () -> next.remove(schedule.name()));
            }
        }
        return due.stream().map(entry -> invoke(entry.getKey(), entry.getValue())).toList();
    }

    /** Runs the schedule {@code name} now, whether it is timed here or not; empty when there is no such schedule. */
    public Optional<Run> run(String name) {
        return Optional.ofNullable(schedules.get(name)).map(schedule -> invoke(schedule, clock.instant()));
    }

    public List<LocalSchedule> schedules() {
        return List.copyOf(schedules.values());
    }

    /** When the schedule fires next on its own; empty when it does not (untimed, or done). */
    public synchronized Optional<Instant> nextRun(String name) {
        return Optional.ofNullable(next.get(name));
    }

    private Run invoke(LocalSchedule schedule, Instant time) {
        byte[] event = ScheduledEvents.event(schedule, time);
        Result result;
        try {
            byte[] output = functions.get(schedule.function()).invokeWithJson(event);
            result = new Succeeded(new String(output, StandardCharsets.UTF_8));
            out.println("Tidsplan " + schedule.name() + ": " + schedule.function() + " kjørte.");
        } catch (LocalFunction.InvocationFailedException e) {
            result = new Failed(e.getMessage());
            out.println("Tidsplan " + schedule.name() + ": " + schedule.function() + " feilet: " + e.getMessage());
            e.getCause().printStackTrace();
        }
        return new Run(schedule, time, new String(event, StandardCharsets.UTF_8), result);
    }

    @Override
    public void stop() {
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
