package no.ks.barometer.local.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticFilesTest {

    @TempDir
    Path root;

    private StaticFiles.StaticFile found(String requestPath) {
        return new StaticFiles(root).find(requestPath).orElseThrow();
    }

    private static String header(StaticFiles.StaticFile file, String name) {
        List<String> values = file.headers().stream().filter(h -> h.name().equals(name))
                .map(HttpApiEvents.Header::value).toList();
        assertEquals(1, values.size(), name + " is set once: " + values);
        return values.get(0);
    }

    @Test
    void everyFileCarriesTheStrictContentSecurityPolicy() throws Exception {
        Files.writeString(root.resolve("index.html"), "<!doctype html>");
        Files.createDirectories(root.resolve("js"));
        Files.writeString(root.resolve("js/app.js"), "export {};");
        for (String path : List.of("/", "/js/app.js")) {
            String policy = header(found(path), "Content-Security-Policy");
            assertEquals("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                    + "img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'", policy);
        }
    }

    @Test
    void everyFileSendsNoReferrerAndForbidsSniffing() throws Exception {
        Files.writeString(root.resolve("app.css"), "body{}");
        StaticFiles.StaticFile file = found("/app.css");
        assertEquals("no-referrer", header(file, "Referrer-Policy"));
        assertEquals("nosniff", header(file, "X-Content-Type-Options"));
        assertEquals("text/css; charset=utf-8", header(file, "Content-Type"));
        assertEquals("no-cache", header(file, "Cache-Control"));
    }

    @Test
    void unknownExtensionIsServedAsBytes() throws Exception {
        Files.writeString(root.resolve("data.bin"), "x");
        assertEquals("application/octet-stream", found("/data.bin").contentType());
    }
}
