package no.ks.barometer.mailing;

import java.time.Duration;

/** Waits, so that sending keeps within its rate; tests wait on a clock of their own. */
@FunctionalInterface
public interface Pause {

    void sleep(Duration duration) throws InterruptedException;

    /** Sleeps the thread. */
    static Pause thread() {
        return duration -> Thread.sleep(duration);
    }
}
