package no.ks.barometer.local.http.handlers;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A stream handler, as AWS Serverless Java Container's are: it reads the event's JSON and writes its answer's JSON
 * itself. What it answers depends on the last path segment, so tests see each way API Gateway reads an answer.
 */
public final class StreamEchoHandler implements RequestStreamHandler {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        byte[] event = input.readAllBytes();
        JsonNode parsed = JSON.readTree(event);
        String path = parsed.path("rawPath").asText();
        String last = path.substring(path.lastIndexOf('/') + 1);
        ObjectNode answer = JSON.createObjectNode();
        switch (last) {
            case "plain" -> answer.put("echo", "no statusCode");
            case "binary" -> answer.put("statusCode", 200)
                    .put("body", Base64.getEncoder().encodeToString(new byte[] {0, 1, (byte) 0xff}))
                    .put("isBase64Encoded", true)
                    .putObject("headers").put("content-type", "application/octet-stream");
            case "garbage" -> {
                output.write("this is not json".getBytes(StandardCharsets.UTF_8));
                return;
            }
            case "wrong-types" -> answer.put("statusCode", "teapot");
            default -> {
                answer.put("statusCode", 201)
                        .put("body", new String(event, StandardCharsets.UTF_8))
                        .put("isBase64Encoded", false);
                answer.putObject("headers").put("content-type", "application/json").put("x-kind", "stream");
                answer.putArray("cookies").add("stream=1; Path=/").add("second=2; Path=/");
            }
        }
        JSON.writeValue(output, answer);
    }
}
