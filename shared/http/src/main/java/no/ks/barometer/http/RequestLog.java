package no.ks.barometer.http;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.PrintStream;

/**
 * One JSON line per request on standard output, which Lambda sends to CloudWatch Logs. It names the route, the
 * outcome, the time taken and the organisation; never the token, never an answer.
 */
public final class RequestLog {

    private final PrintStream out;

    public RequestLog(PrintStream out) {
        this.out = out;
    }

    public void record(String route, ApiReply reply, double latencyMillis, String requestId) {
        ObjectNode line = Json.object();
        line.put("route", route);
        line.put("status", reply.status());
        line.put("latencyMs", Math.round(latencyMillis * 10) / 10.0);
        if (reply.orgNumber() != null) {
            line.put("org", reply.orgNumber());
        }
        if (reply.problem() != null) {
            line.put("problem", reply.problem().slug());
        }
        if (requestId != null) {
            line.put("requestId", requestId);
        }
        out.println(Json.write(line));
    }

    /** An unexpected failure, with its stack trace, for whoever has to fix it. */
    public void failure(String route, Throwable failure) {
        ObjectNode line = Json.object();
        line.put("route", route);
        line.put("level", "ERROR");
        line.put("error", failure.getClass().getName());
        line.put("message", String.valueOf(failure.getMessage()));
        StringBuilder trace = new StringBuilder();
        // The causes too: the SDK and the handlers wrap what actually went wrong.
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause != failure) {
                trace.append("Caused by: ").append(cause.getClass().getName()).append(": ")
                        .append(cause.getMessage()).append('\n');
            }
            for (StackTraceElement element : cause.getStackTrace()) {
                trace.append(element).append('\n');
            }
        }
        line.put("stackTrace", trace.toString());
        out.println(Json.write(line));
    }
}
