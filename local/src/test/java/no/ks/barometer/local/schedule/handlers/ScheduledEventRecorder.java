package no.ks.barometer.local.schedule.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A typed handler taking the AWS event class of a scheduled rule; keeps every event it got. */
public final class ScheduledEventRecorder implements RequestHandler<ScheduledEvent, String> {

    public static final BlockingQueue<ScheduledEvent> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public String handleRequest(ScheduledEvent event, Context context) {
        EVENTS.add(event);
        return "ok";
    }
}
