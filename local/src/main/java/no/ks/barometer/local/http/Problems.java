package no.ks.barometer.local.http;

/**
 * The problem types of answers the local stack gives itself (no route, wrong method, no file), in the form of the
 * respondent API's own problems ({@code no.ks.barometer.http.ProblemType}).
 */
final class Problems {

    private static final String TYPE_PREFIX = "urn:barometer:problem:";

    private Problems() {
    }

    static String type(String slug) {
        return TYPE_PREFIX + slug;
    }
}
