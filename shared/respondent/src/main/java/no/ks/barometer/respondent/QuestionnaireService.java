package no.ks.barometer.respondent;

import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ApiReply;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.Replies;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** GET /v1/questionnaires/{id}: a published definition, public and cacheable. */
public final class QuestionnaireService {

    /** Definitions change only with a deployment; five minutes keeps a browser's reloads cheap. */
    private static final String CACHE_CONTROL = "public, max-age=300";
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

    private final QuestionnaireCatalog catalog;
    private final Map<PublishedQuestionnaire, String> bodies = new ConcurrentHashMap<>();

    public QuestionnaireService(QuestionnaireCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param version     the {@code version} query parameter, if given
     * @param ifNoneMatch the {@code If-None-Match} header, if given
     */
    public ApiReply get(String id, Optional<String> version, Optional<String> ifNoneMatch) {
        if (version.isPresent() && !VERSION.matcher(version.get()).matches()) {
            return Replies.problem(ApiProblem.malformed("Parameteren «version» må være et positivt heltall."));
        }
        Optional<PublishedQuestionnaire> found = version.isPresent()
                ? catalog.get(id, Integer.parseInt(version.get()))
                : catalog.current(id);
        if (found.isEmpty()) {
            return Replies.problem(ApiProblem.of(ProblemType.QUESTIONNAIRE_NOT_FOUND, version.isPresent()
                    ? "Spørreskjemaet «" + id + "» finnes ikke i versjon " + version.get() + "."
                    : "Det finnes ikke noe spørreskjema med id «" + id + "»."));
        }
        PublishedQuestionnaire published = found.get();
        Map<String, String> cacheHeaders = Map.of("ETag", published.etag(), "Cache-Control", CACHE_CONTROL);
        if (ifNoneMatch.isPresent() && matches(ifNoneMatch.get(), published.etag())) {
            return Replies.notModified(cacheHeaders);
        }
        String body = bodies.computeIfAbsent(published, p -> new String(p.json(), StandardCharsets.UTF_8));
        return Replies.json(200, body, cacheHeaders);
    }

    /** RFC 9110 If-None-Match: {@code *} or a list of entity tags, compared weakly. */
    private static boolean matches(String header, String etag) {
        for (String candidate : header.split(",")) {
            String tag = candidate.trim();
            if (tag.equals("*") || (tag.startsWith("W/") ? tag.substring(2) : tag).equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
