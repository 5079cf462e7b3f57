package no.ks.barometer.local.schedule.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;

import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** A typed handler taking the event as a map, as a scheduled function may; keeps every event it got. */
public final class MapRecorder implements RequestHandler<Map<String, Object>, Map<String, Object>> {

    public static final BlockingQueue<Map<String, Object>> EVENTS = new LinkedBlockingQueue<>();

    @Override
    public Map<String, Object> handleRequest(Map<String, Object> event, Context context) {
        EVENTS.add(event);
        return Map.of("handled", context.getFunctionName());
    }
}
