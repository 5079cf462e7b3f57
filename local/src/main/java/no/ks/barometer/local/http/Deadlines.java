package no.ks.barometer.local.http;

import org.eclipse.jetty.io.Connection;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Cuts off a connection whose client takes too long over a request, however steadily it trickles: an idle timeout
 * alone is reset by every byte, so a client sending one header a second would hold its connection for ever. A
 * connection is in one of three phases; the head and the body each have a limit, the work of the function has none.
 */
final class Deadlines implements Connection.Listener {

    private enum Phase {
        /** From the connection's opening, or the end of its previous answer, to the end of the next request's head. */
        HEAD,
        /** From the end of the head to the body's last byte. */
        BODY,
        /** The function runs and the answer is written. */
        WORK
    }

    private record State(Phase phase, long sinceNanos) {
    }

    private final ApiServer.Limits limits;
    private final Map<Connection, State> states = new ConcurrentHashMap<>();
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "barometer-http-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    Deadlines(ApiServer.Limits limits) {
        this.limits = limits;
        long period = Math.max(20, Math.min(limits.head().toMillis(), limits.body().toMillis()) / 10);
        sweeper.scheduleWithFixedDelay(this::sweep, period, period, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        states.put(connection, new State(Phase.HEAD, System.nanoTime()));
    }

    @Override
    public void onClosed(Connection connection) {
        states.remove(connection);
    }

    void readingBody(Connection connection) {
        enter(connection, Phase.BODY);
    }

    void working(Connection connection) {
        enter(connection, Phase.WORK);
    }

    void answered(Connection connection) {
        enter(connection, Phase.HEAD);
    }

    private void enter(Connection connection, Phase phase) {
        states.computeIfPresent(connection, (ignored, state) -> new State(phase, System.nanoTime()));
    }

    private void sweep() {
        long now = System.nanoTime();
        states.forEach((connection, state) -> {
            Duration limit = switch (state.phase()) {
                case HEAD -> limits.head();
                case BODY -> limits.body();
                case WORK -> null;
            };
            if (limit != null && now - state.sinceNanos() > limit.toNanos()) {
                states.remove(connection);
                connection.getEndPoint().close();
            }
        });
    }

    void stop() {
        sweeper.shutdownNow();
    }
}
