package no.ks.barometer.local.http;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import no.ks.barometer.local.ProjectRoot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StaticFilesTest {

    private static final Path ROOT = ProjectRoot.above(Path.of("")).orElseThrow();

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
        Files.writeString(root.resolve(StaticFiles.PUBLISHED_LIST), "index.html\njs/\n");
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
        Files.writeString(root.resolve(StaticFiles.PUBLISHED_LIST), "app.css\n");
        Files.writeString(root.resolve("app.css"), "body{}");
        StaticFiles.StaticFile file = found("/app.css");
        assertEquals("no-referrer", header(file, "Referrer-Policy"));
        assertEquals("nosniff", header(file, "X-Content-Type-Options"));
        assertEquals("text/css; charset=utf-8", header(file, "Content-Type"));
        assertEquals("no-cache", header(file, "Cache-Control"));
    }

    @Test
    void onlyTheFilesAndFoldersOnThePublishedListAreServed() throws Exception {
        Files.writeString(root.resolve(StaticFiles.PUBLISHED_LIST),
                "# comment\nindex.html\njs/\n\nfavicon.ico\n");
        for (String file : List.of("index.html", "js/app.js", "js/views/screen.js", "favicon.ico", "package.json",
                "package-lock.json", "README.md", "test/unit/app.test.js", "jsx/other.js", "css/app.css")) {
            Files.createDirectories(root.resolve(file).getParent() == null ? root : root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "x");
        }
        StaticFiles files = new StaticFiles(root);
        for (String served : List.of("/", "/index.html", "/js/app.js", "/js/views/screen.js", "/favicon.ico")) {
            assertTrue(files.find(served).isPresent(), served);
        }
        for (String hidden : List.of("/package.json", "/package-lock.json", "/README.md", "/test/unit/app.test.js",
                "/jsx/other.js", "/css/app.css", "/" + StaticFiles.PUBLISHED_LIST, "/js")) {
            assertTrue(files.find(hidden).isEmpty(), hidden);
        }
    }

    @Test
    void aFolderAddressEndingInASlashServesItsIndexHtmlWhenThatIsPublished() throws Exception {
        Files.writeString(root.resolve(StaticFiles.PUBLISHED_LIST), "index.html\nresults/index.html\n");
        Files.createDirectories(root.resolve("results/js"));
        Files.writeString(root.resolve("index.html"), "app");
        Files.writeString(root.resolve("results/index.html"), "results");
        Files.writeString(root.resolve("results/js/index.html"), "not published");
        StaticFiles files = new StaticFiles(root);
        assertEquals(root.resolve("results/index.html").toRealPath(), files.find("/results/").orElseThrow().path());
        assertEquals("text/html; charset=utf-8", header(found("/results/"), "Content-Type"));
        for (String hidden : List.of("/results", "/results/js/", "//", "/results//")) {
            assertTrue(files.find(hidden).isEmpty(), hidden);
        }
    }

    @Test
    void withoutThePublishedListNothingIsServed() throws Exception {
        Files.writeString(root.resolve("index.html"), "<!doctype html>");
        assertTrue(new StaticFiles(root).find("/").isEmpty());
    }

    @Test
    void theWebAppsListNamesItsPageAndFoldersAndNoneOfItsToolingFiles() throws Exception {
        List<String> entries = Files.readAllLines(ROOT.resolve("web").resolve(StaticFiles.PUBLISHED_LIST))
                .stream().filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
        assertEquals(List.of("index.html", "css/", "js/", "results/index.html", "results/css/", "results/js/"), entries);
    }

    @Test
    void deployScriptPublishesWhatTheListNames() throws Exception {
        String script = Files.readString(ROOT.resolve("scripts/deploy.sh"));
        assertTrue(script.contains("web/" + StaticFiles.PUBLISHED_LIST), "deploy.sh reads the list");
    }

    @Test
    void unknownExtensionIsServedAsBytes() throws Exception {
        Files.writeString(root.resolve(StaticFiles.PUBLISHED_LIST), "data.bin\n");
        Files.writeString(root.resolve("data.bin"), "x");
        assertEquals("application/octet-stream", found("/data.bin").contentType());
    }
}
