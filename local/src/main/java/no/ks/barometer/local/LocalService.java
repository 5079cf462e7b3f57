package no.ks.barometer.local;

/**
 * One part of the local stack that runs while the stack runs (DynamoDB Local, the HTTP server; the e-mail outbox,
 * the scheduler and the snapshot job join the same way). The stack starts its services in order and stops them
 * in reverse order.
 */
public interface LocalService {

    /** A short Norwegian name for messages. */
    String name();

    void start() throws Exception;

    /** Releases what {@link #start} took; called once, also after a partial start. */
    void stop();
}
