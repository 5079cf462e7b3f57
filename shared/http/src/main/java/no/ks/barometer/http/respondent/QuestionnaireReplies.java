package no.ks.barometer.http.respondent;

import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ApiReply;
import no.ks.barometer.http.EntityTags;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.Replies;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.respondent.QuestionnaireService;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** GET /v1/questionnaires/{id} over HTTP: the version parameter, the ETag and caching, the reply. */
public final class QuestionnaireReplies {

    /** Definitions change only with a deployment; five minutes keeps a browser's reloads cheap. */
    private static final String CACHE_CONTROL = "public, max-age=300";
    private static final Pattern VERSION = Pattern.compile("[1-9][0-9]{0,8}");

    private final QuestionnaireService service;
    private final Map<PublishedQuestionnaire, String> bodies = new ConcurrentHashMap<>();

    public QuestionnaireReplies(QuestionnaireService service) {
        this.service = service;
    }

    /**
     * @param version     the {@code version} query parameter, if given
     * @param ifNoneMatch the {@code If-None-Match} header, if given
     */
    public ApiReply get(String id, Optional<String> version, Optional<String> ifNoneMatch) {
        if (version.isPresent() && !VERSION.matcher(version.get()).matches()) {
            return Replies.problem(ApiProblem.malformed("Parameteren «version» må være et positivt heltall."));
        }
        OptionalInt asked = version.isPresent() ? OptionalInt.of(Integer.parseInt(version.get())) : OptionalInt.empty();
        return switch (service.find(id, asked)) {
            case QuestionnaireService.Outcome.NotFound notFound -> Replies.problem(ApiProblem.of(
                    ProblemType.QUESTIONNAIRE_NOT_FOUND, notFound.version().isPresent()
                            ? "Spørreskjemaet «" + id + "» finnes ikke i versjon " + notFound.version().getAsInt() + "."
                            : "Det finnes ikke noe spørreskjema med id «" + id + "»."));
            case QuestionnaireService.Outcome.Found(PublishedQuestionnaire published) -> {
                Map<String, String> cacheHeaders = Map.of("ETag", published.etag(), "Cache-Control", CACHE_CONTROL);
                if (ifNoneMatch.isPresent() && EntityTags.noneMatchHolds(ifNoneMatch.get(), published.etag())) {
                    yield Replies.notModified(cacheHeaders);
                }
                String body = bodies.computeIfAbsent(published, p -> new String(p.json(), StandardCharsets.UTF_8));
                yield Replies.json(200, body, cacheHeaders);
            }
        };
    }
}
