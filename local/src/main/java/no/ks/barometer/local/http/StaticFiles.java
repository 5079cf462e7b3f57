package no.ks.barometer.local.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The web app's files, served from one folder: exactly those its {@value #PUBLISHED_LIST} names, the list
 * {@code scripts/deploy.sh} publishes to the web bucket by, so that nothing is served here (the app's
 * {@code package.json}, its tests, its README) that AWS would not serve. {@code index.html} for {@code /} and any
 * folder's address ending in {@code /}, no directory listings, nothing outside the folder (no {@code ..}, no symbolic links leading out), no hidden files. Every file goes out with the
 * same security headers template.yaml's CloudFront distribution sets in front of the web app, so the browser tests
 * run the app under the policy it will meet in production.
 */
public final class StaticFiles {

    /**
     * The app loads only its own scripts, styles and API; it has no inline script or style, embeds nothing, and is
     * not to be framed. The data: images cover the empty favicon that stops browsers asking for one.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "connect-src 'self'; img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final List<HttpApiEvents.Header> SECURITY_HEADERS = List.of(
            new HttpApiEvents.Header("Content-Security-Policy", CONTENT_SECURITY_POLICY),
            // The token travels in the fragment, which no Referer carries; sending no Referer at all is stricter still.
            new HttpApiEvents.Header("Referrer-Policy", "no-referrer"),
            new HttpApiEvents.Header("X-Content-Type-Options", "nosniff"));

    /**
     * The security headers sent with every file. template.yaml's CloudFront response headers policy must send the
     * same values in AWS; a test holds the two together.
     */
    public static List<HttpApiEvents.Header> securityHeaders() {
        return SECURITY_HEADERS;
    }

    /** A file found for a request path. */
    public record StaticFile(Path path, String contentType) {

        /** The response headers for this file: its type, revalidation on every use, and the security headers. */
        public List<HttpApiEvents.Header> headers() {
            return Stream.concat(Stream.of(new HttpApiEvents.Header("Content-Type", contentType),
                    new HttpApiEvents.Header("Cache-Control", "no-cache")), SECURITY_HEADERS.stream()).toList();
        }
    }

    private static final Map<String, String> CONTENT_TYPES = Map.ofEntries(
            Map.entry("html", "text/html; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("json", "application/json"),
            Map.entry("webmanifest", "application/manifest+json"),
            Map.entry("map", "application/json"),
            Map.entry("txt", "text/plain; charset=utf-8"),
            Map.entry("md", "text/markdown; charset=utf-8"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("png", "image/png"),
            Map.entry("jpg", "image/jpeg"),
            Map.entry("jpeg", "image/jpeg"),
            Map.entry("gif", "image/gif"),
            Map.entry("webp", "image/webp"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("woff", "font/woff"),
            Map.entry("woff2", "font/woff2"));

    /**
     * The list in the web folder of what is published: one entry a line, a file ({@code index.html}) or a folder
     * ending in {@code /} with everything under it ({@code js/}); blank lines and lines starting with {@code #} are
     * not entries.
     */
    public static final String PUBLISHED_LIST = "published-files.txt";

    private final Path root;
    private final List<String> published;

    /** Serves nothing when the folder has no {@value #PUBLISHED_LIST}. */
    public StaticFiles(Path root) {
        this.root = root;
        this.published = readPublished(root.resolve(PUBLISHED_LIST));
    }

    private static List<String> readPublished(Path list) {
        if (!Files.isRegularFile(list)) {
            return List.of();
        }
        try {
            return Files.readAllLines(list).stream().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Kunne ikke lese " + list, e);
        }
    }

    /** Whether the web folder says what to publish; without its list nothing is served. */
    public boolean hasPublishedList() {
        return !published.isEmpty();
    }

    private boolean isPublished(String relative) {
        return published.stream().anyMatch(entry -> entry.endsWith("/") ? relative.startsWith(entry)
                : relative.equals(entry));
    }

    /** The file for a decoded request path, if it is one the web app may serve. */
    public Optional<StaticFile> find(String path) {
        if (!Files.isDirectory(root) || path.indexOf('\0') >= 0 || path.indexOf('\\') >= 0) {
            return Optional.empty();
        }
        // A folder's address is its index.html, so the results page is at /results/ as the app is at /.
        String relative = (path.endsWith("/") ? path + "index.html" : path).substring(1);
        for (String segment : relative.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) {
                return Optional.empty();
            }
        }
        if (!isPublished(relative)) {
            return Optional.empty();
        }
        try {
            Path realRoot = root.toRealPath();
            Path candidate = realRoot.resolve(relative).normalize();
            if (!candidate.startsWith(realRoot) || !Files.exists(candidate)) {
                return Optional.empty();
            }
            Path real = candidate.toRealPath();
            if (!real.startsWith(realRoot) || !Files.isRegularFile(real)) {
                return Optional.empty();
            }
            return Optional.of(new StaticFile(real, contentType(real)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String contentType(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return CONTENT_TYPES.getOrDefault(extension, "application/octet-stream");
    }
}
