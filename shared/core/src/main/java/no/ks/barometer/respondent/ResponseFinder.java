package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseStore;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SaveOutcome;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyStore;
import no.ks.barometer.token.Tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the response a token opens, with what a warm container remembers between requests: the response each
 * token last opened, the surveys read, and one rules engine per questionnaire version. GET /v1/response is this
 * finding plus the first opening; saving a page and submitting find the respondent here too.
 */
public final class ResponseFinder {

    /**
     * How long a container trusts the survey item it read. Closing a survey by its {@code closesAt} takes effect
     * at once; setting its state to {@code CLOSED} reaches warm containers within this time.
     */
    public static final Duration SURVEY_REFRESH = Duration.ofSeconds(30);
    /** More than there are organisations in a survey. */
    private static final int REMEMBERED_RESPONSES = 1024;
    /** More than there are surveys open at once. */
    private static final int REMEMBERED_SURVEYS = 16;

    private final ResponseStore responses;
    private final SurveyStore surveys;
    private final QuestionnaireCatalog catalog;
    private final Clock clock;
    private final Map<String, RulesEngine> engines = new ConcurrentHashMap<>();
    /**
     * The response each token opened when this container last read or wrote it. A token always belongs to the
     * same response, so the entry spares the token look-up; and a page save against the remembered version needs
     * no read at all, because its conditional write proves that version, token and status are still as
     * remembered.
     */
    private final RecentlySeen<String, StoredResponse> lastSeen = new RecentlySeen<>(REMEMBERED_RESPONSES);
    private final RecentlySeen<String, SurveyRead> surveysRead = new RecentlySeen<>(REMEMBERED_SURVEYS);

    private record SurveyRead(Survey survey, Instant readAt) {
    }

    public ResponseFinder(ResponseStore responses, SurveyStore surveys, QuestionnaireCatalog catalog, Clock clock) {
        this.responses = responses;
        this.surveys = surveys;
        this.catalog = catalog;
        this.clock = clock;
    }

    /**
     * Runs the rules engine of every published questionnaire version once, for both organisation types, without
     * storing anything: a SnapStart snapshot taken after it holds compiled rules and loaded classes.
     */
    public void primeRulesEngines() {
        for (PublishedQuestionnaire published : catalog.all()) {
            Questionnaire questionnaire = published.questionnaire();
            RulesEngine engine = engine(questionnaire.id(), questionnaire.version());
            String firstPage = questionnaire.pages().get(0).id();
            for (OrgType orgType : OrgType.values()) {
                SaveOutcome outcome = engine.savePage(orgType, ResponseState.empty(), firstPage,
                        AnswerCodec.read(questionnaire, JsonNodeFactory.instance.objectNode()));
                AnswerCodec.write(outcome.state().answers());
                engine.progress(orgType, outcome.state());
            }
        }
    }

    /**
     * GET /v1/response. The first one moves the response from {@code INVITED} to {@code OPENED}. A submitted or
     * ended response is shown, read-only, after its survey closed too.
     */
    public RespondentOutcome show(String token) {
        Instant now = clock.instant();
        return switch (open(token, now, OptionalLong.empty())) {
            case Lookup.Found(Respondent respondent) -> {
                StoredResponse response = respondent.response();
                if (response.status() == ResponseStatus.INVITED) {
                    response = responses.markOpened(response, now);
                    remember(respondent.tokenHash(), response);
                }
                yield new RespondentOutcome.Shown(respondent.withResponse(response).view());
            }
            case Lookup.NotOpened(RespondentOutcome refusal) -> refusal;
        };
    }

    /** The respondent a token belongs to, or why the request is refused before their response is looked at. */
    sealed interface Lookup {
        record Found(Respondent respondent) implements Lookup {
        }

        record NotOpened(RespondentOutcome refusal) implements Lookup {
        }
    }

    /**
     * Refuses a bad token, and a survey that does not take answers; but a submitted or ended response can still be
     * read (not written) after its survey closed, until its token expires.
     *
     * @param writingAt the version a write is made against; a remembered response of that version is used as it
     *                  is, since the write's condition checks it
     */
    Lookup open(String token, Instant now, OptionalLong writingAt) {
        if (token.isEmpty()) {
            return new Lookup.NotOpened(new RespondentOutcome.NoToken());
        }
        if (!Tokens.isWellFormed(token)) {
            return new Lookup.NotOpened(new RespondentOutcome.InvalidToken());
        }
        String hash = Tokens.hash(token);
        Optional<LookedUp> found = lookUp(hash, now, writingAt);
        if (found.isEmpty()) {
            return new Lookup.NotOpened(new RespondentOutcome.InvalidToken());
        }
        StoredResponse response = found.get().response();
        Survey survey = survey(response.surveyId(), now);
        boolean readingAFinishedResponse = writingAt.isEmpty() && !response.status().acceptsAnswers();
        if (!survey.acceptsAnswers(now) && !readingAFinishedResponse) {
            return new Lookup.NotOpened(new RespondentOutcome.SurveyClosed());
        }
        String questionnaireId = response.questionnaireId() != null
                ? response.questionnaireId() : survey.questionnaireId();
        int version = response.questionnaireVersion() != null
                ? response.questionnaireVersion() : survey.questionnaireVersion();
        return new Lookup.Found(new Respondent(hash, response, engine(questionnaireId, version),
                found.get().verified()));
    }

    private record LookedUp(StoredResponse response, boolean verified) {
    }

    private Optional<LookedUp> lookUp(String hash, Instant now, OptionalLong writingAt) {
        StoredResponse known = lastSeen.get(hash);
        if (known != null && writingAt.isPresent() && known.version() == writingAt.getAsLong()
                && known.status().acceptsAnswers() && known.openedBy(hash, now)) {
            return Optional.of(new LookedUp(known, false));
        }
        Optional<StoredResponse> found = known == null
                ? responses.findByToken(hash, now)
                : responses.get(known.surveyId(), known.organisation().number())
                        .filter(response -> response.openedBy(hash, now));
        found.ifPresentOrElse(response -> lastSeen.put(hash, response), () -> lastSeen.remove(hash));
        return found.map(response -> new LookedUp(response, true));
    }

    /** The respondent's response as stored now, if it still exists. */
    Optional<StoredResponse> reread(Respondent respondent) {
        StoredResponse response = respondent.response();
        return responses.get(response.surveyId(), response.organisation().number());
    }

    void remember(String tokenHash, StoredResponse response) {
        lastSeen.put(tokenHash, response);
    }

    void forget(String tokenHash) {
        lastSeen.remove(tokenHash);
    }

    ResponseStore store() {
        return responses;
    }

    Instant now() {
        return clock.instant();
    }

    private Survey survey(String surveyId, Instant now) {
        SurveyRead read = surveysRead.get(surveyId);
        if (read == null || !now.isBefore(read.readAt().plus(SURVEY_REFRESH)) || now.isBefore(read.readAt())) {
            Survey survey = surveys.get(surveyId).orElseThrow(() -> new IllegalStateException(
                    "A response belongs to survey " + surveyId + ", which does not exist"));
            read = new SurveyRead(survey, now);
            surveysRead.put(surveyId, read);
        }
        return read.survey();
    }

    private RulesEngine engine(String questionnaireId, int version) {
        return engines.computeIfAbsent(questionnaireId + "#" + version, key -> {
            PublishedQuestionnaire published = catalog.get(questionnaireId, version).orElseThrow(() ->
                    new IllegalStateException("Questionnaire " + questionnaireId + " version " + version
                            + " is not deployed"));
            return new RulesEngine(published.questionnaire());
        });
    }
}
