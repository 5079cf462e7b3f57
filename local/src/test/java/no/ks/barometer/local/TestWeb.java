package no.ks.barometer.local;

import no.ks.barometer.local.http.StaticFiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A web folder of one published page, for stacks under test that need no real web app. */
final class TestWeb {

    private TestWeb() {
    }

    /** Creates {@code dir/web} with its {@code index.html} and the list that publishes it; returns the folder. */
    static Path in(Path dir) throws IOException {
        Path web = dir.resolve("web");
        Files.createDirectories(web);
        Files.writeString(web.resolve(StaticFiles.PUBLISHED_LIST), "index.html\n");
        Files.writeString(web.resolve("index.html"), "<!doctype html><title>Test-app</title>");
        return web;
    }
}
