package no.ks.barometer.questionnaire;

/**
 * A loaded definition together with its file as served to browsers.
 *
 * @param json the definition file's bytes, unchanged; shared, so callers must not modify it
 * @param etag a quoted strong entity tag derived from the SHA-256 of {@code json}
 */
public record PublishedQuestionnaire(Questionnaire questionnaire, byte[] json, String etag) {
}
