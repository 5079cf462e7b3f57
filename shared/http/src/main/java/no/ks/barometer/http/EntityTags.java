package no.ks.barometer.http;

/** Conditional requests on entity tags (RFC 9110). */
public final class EntityTags {

    private EntityTags() {
    }

    /** Whether an {@code If-None-Match} header holds the tag: {@code *} or a list of entity tags, compared weakly. */
    public static boolean noneMatchHolds(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
