package no.ks.barometer.http;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertTrue;

class RequestLogTest {

    @Test
    void failureLineCarriesTheCauseThatAWrapperHides() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        RequestLog log = new RequestLog(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        log.failure("PUT /v1/response/pages/{pageId}",
                new IllegalStateException("save failed", new UncheckedIOException(new IOException("disk gone"))));

        String line = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(line.contains("Caused by: java.io.UncheckedIOException"), line);
        assertTrue(line.contains("Caused by: java.io.IOException: disk gone"), line);
    }
}
