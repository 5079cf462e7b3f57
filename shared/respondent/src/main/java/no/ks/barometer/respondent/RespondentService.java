package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ApiReply;
import no.ks.barometer.http.Json;
import no.ks.barometer.http.ProblemError;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.Replies;
import no.ks.barometer.http.RequestRejected;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.response.LastWrite;
import no.ks.barometer.response.PageWrite;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.response.Submission;
import no.ks.barometer.response.WriteOutcome;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.Completion;
import no.ks.barometer.rules.ParsedAnswers;
import no.ks.barometer.rules.Problem;
import no.ks.barometer.rules.ProblemCode;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SaveOutcome;
import no.ks.barometer.store.ResponseDao;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.token.Tokens;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The respondent API behind the handlers: finds the response a token opens, checks every page with the rules
 * engine against everything answered before, and stores it in one conditional write. Refusals are problem bodies;
 * nothing is stored from a refused request.
 */
public final class RespondentService {

    /**
     * How long a container trusts the survey item it read. Closing a survey by its {@code closesAt} takes effect
     * at once; setting its state to {@code CLOSED} reaches warm containers within this time.
     */
    public static final Duration SURVEY_REFRESH = Duration.ofSeconds(30);
    /** More than there are organisations in a survey. */
    private static final int REMEMBERED_RESPONSES = 1024;

    private final ResponseDao responses;
    private final SurveyDao surveys;
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
    private final RecentlySeen<String, SurveyRead> surveysRead = new RecentlySeen<>(16);

    private record SurveyRead(Survey survey, Instant readAt) {
    }

    public RespondentService(ResponseDao responses, SurveyDao surveys, QuestionnaireCatalog catalog, Clock clock) {
        this.responses = responses;
        this.surveys = surveys;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** The service on the Barometer table, with the questionnaires on the classpath. */
    public static RespondentService on(DynamoDbClient client, String tableName, Clock clock) {
        return new RespondentService(new ResponseDao(client, tableName), new SurveyDao(client, tableName),
                QuestionnaireCatalog.fromClasspath(), clock);
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
                ParsedAnswers parsed = AnswerCodec.read(questionnaire, Json.object());
                SaveOutcome outcome = engine.savePage(orgType, ResponseState.empty(), firstPage, parsed.answers());
                validationFailed("", outcome.problems());
                AnswerCodec.write(outcome.state().answers());
                engine.progress(orgType, outcome.state());
            }
        }
    }

    /** GET /v1/response. The first one moves the response from {@code INVITED} to {@code OPENED}. */
    public ApiReply getResponse(String token) {
        Instant now = clock.instant();
        Respondent respondent = authenticate(token, now, OptionalLong.empty());
        StoredResponse response = respondent.response();
        if (response.status() == ResponseStatus.INVITED) {
            response = responses.markOpened(response, now);
            lastSeen.put(respondent.tokenHash(), response);
        }
        return Replies.json(200, view(respondent.withResponse(response)))
                .forOrganisation(response.organisation().number());
    }

    /** PUT /v1/response/pages/{pageId}. */
    public ApiReply savePage(String token, String pageId, PageSaveRequest request) {
        Instant now = clock.instant();
        Respondent respondent = authenticate(token, now, OptionalLong.of(request.version()));
        String operation = LastWrite.page(pageId);
        String bodyHash = Json.fingerprint(request.answers());
        ApiReply reply = attempt(respondent, request.version(), operation, bodyHash, now,
                current -> savePageOn(current, pageId, request, operation, bodyHash, now));
        return reply.forOrganisation(respondent.response().organisation().number());
    }

    /** POST /v1/response/submit. */
    public ApiReply submit(String token, SubmitRequest request) {
        Instant now = clock.instant();
        Respondent respondent = authenticate(token, now, OptionalLong.of(request.version()));
        ObjectNode body = Json.object();
        body.put("version", request.version());
        String bodyHash = Json.fingerprint(body);
        ApiReply reply = attempt(respondent, request.version(), LastWrite.SUBMIT, bodyHash, now,
                current -> submitOn(current, request, bodyHash, now));
        return reply.forOrganisation(respondent.response().organisation().number());
    }

    /** A write decided on the response as last read: stored, or refused because the item changed meanwhile. */
    private interface Write {
        Decision apply(Respondent current);
    }

    private sealed interface Decision {
        record Answer(ApiReply reply) implements Decision {
        }

        record Conflict(StoredResponse current) implements Decision {
        }
    }

    /**
     * Runs a write on the response as read; if the conditional write finds the item changed, decides again on the
     * item as it is now, which tells an identical retry, a closed response and a stale version apart. A refusal
     * decided on a remembered response is decided again on a fresh read, so that a token revoked meanwhile is
     * answered as such.
     */
    private ApiReply attempt(Respondent respondent, long version, String operation, String bodyHash, Instant now,
                             Write write) {
        Respondent current = respondent;
        for (int round = 0; round < 3; round++) {
            Optional<ApiReply> settled = settledWithoutWriting(current, version, operation, bodyHash);
            if (settled.isPresent()) {
                return settled.get();
            }
            StoredResponse changed;
            Decision decision = write.apply(current);
            if (decision instanceof Decision.Answer answer) {
                if (answer.reply().status() < 400 || current.verified()) {
                    return answer.reply();
                }
                changed = responses.get(current.response().surveyId(), current.response().organisation().number())
                        .orElse(null);
            } else {
                changed = ((Decision.Conflict) decision).current();
            }
            if (changed == null || !changed.openedBy(respondent.tokenHash(), now)) {
                lastSeen.remove(respondent.tokenHash());
                return Replies.problem(ApiProblem.INVALID_TOKEN);
            }
            lastSeen.put(respondent.tokenHash(), changed);
            current = current.withResponse(changed);
        }
        return conflict(current);
    }

    /** The answers that need no write: a repeat of the last write, a closed response, a stale version. */
    private Optional<ApiReply> settledWithoutWriting(Respondent current, long version, String operation,
                                                     String bodyHash) {
        StoredResponse response = current.response();
        LastWrite last = response.lastWrite();
        if (last != null && last.repeatedBy(operation, version, bodyHash) && response.version() == version + 1) {
            ObjectNode view = view(current);
            return Optional.of(Replies.json(200, LastWrite.SUBMIT.equals(operation) ? view
                    : ResponseView.withRemoved(view, last.removedQuestions())));
        }
        if (!response.status().acceptsAnswers()) {
            return Optional.of(Replies.problem(ApiProblem.of(ProblemType.RESPONSE_CLOSED,
                    "Besvarelsen er sendt inn eller avsluttet og kan ikke endres.")));
        }
        if (response.version() != version) {
            return Optional.of(conflict(current));
        }
        return Optional.empty();
    }

    private Decision savePageOn(Respondent current, String pageId, PageSaveRequest request, String operation,
                                String bodyHash, Instant now) {
        Questionnaire questionnaire = current.engine().questionnaire();
        if (questionnaire.page(pageId).isEmpty()) {
            return new Decision.Answer(Replies.problem(ApiProblem.of(ProblemType.PAGE_NOT_FOUND,
                    "Spørreskjemaet har ingen side med id «" + pageId + "».")));
        }
        OrgType orgType = current.response().organisation().type();
        ParsedAnswers parsed = AnswerCodec.read(questionnaire, request.answers());
        SaveOutcome outcome = current.engine().savePage(orgType, current.state(), pageId, parsed.answers());
        List<Problem> problems = combined(parsed.problems(), outcome.problems());
        if (!problems.isEmpty()) {
            return new Decision.Answer(validationFailed("Noen av svarene må rettes før siden kan lagres.", problems));
        }
        ResponseStatus status = switch (outcome.completion()) {
            case DECLINED -> ResponseStatus.DECLINED;
            case WRONG_RECIPIENT -> ResponseStatus.WRONG_RECIPIENT;
            case IN_PROGRESS, COMPLETE -> ResponseStatus.IN_PROGRESS;
        };
        List<String> removed = List.copyOf(outcome.removedQuestions());
        PageWrite write = new PageWrite(request.version(), status, AnswerCodec.write(outcome.state().answers()),
                outcome.state().savedPages(), questionnaire.id(), questionnaire.version(), now,
                new LastWrite(operation, request.version(), bodyHash, removed));
        return switch (responses.savePage(current.response(), write)) {
            case WriteOutcome.Written written -> {
                lastSeen.put(current.tokenHash(), written.response());
                yield new Decision.Answer(Replies.json(200,
                        ResponseView.withRemoved(view(current.withResponse(written.response())), removed)));
            }
            case WriteOutcome.Refused refused -> new Decision.Conflict(refused.current());
        };
    }

    private Decision submitOn(Respondent current, SubmitRequest request, String bodyHash, Instant now) {
        OrgType orgType = current.response().organisation().type();
        RulesEngine engine = current.engine();
        if (engine.completion(orgType, current.state()) != Completion.COMPLETE) {
            List<Problem> problems = engine.validate(orgType, current.state());
            if (problems.isEmpty()) {
                String page = engine.nextPage(orgType, current.state()).orElse("");
                problems = List.of(new Problem(ProblemCode.REQUIRED, null, null, null,
                        "Besvarelsen er ikke ferdig: siden «" + page + "» er ikke lagret ennå."));
            }
            return new Decision.Answer(validationFailed(
                    "Besvarelsen kan ikke sendes inn før alle spørsmål som må besvares, er besvart.", problems));
        }
        Submission submission = new Submission(request.version(), now,
                new LastWrite(LastWrite.SUBMIT, request.version(), bodyHash, List.of()));
        return switch (responses.submit(current.response(), submission)) {
            case WriteOutcome.Written written -> {
                lastSeen.put(current.tokenHash(), written.response());
                yield new Decision.Answer(Replies.json(200, view(current.withResponse(written.response()))));
            }
            case WriteOutcome.Refused refused -> new Decision.Conflict(refused.current());
        };
    }

    /**
     * The respondent a token belongs to, with the questionnaire version their response is pinned to (or will be
     * pinned to by its first save). Refuses a bad token and a survey that does not take answers.
     *
     * @param token     the request's bearer token, empty when it has none
     * @param writingAt the version a write is made against; a remembered response of that version is used as it
     *                  is, since the write's condition checks it
     */
    private Respondent authenticate(String token, Instant now, OptionalLong writingAt) {
        if (token.isEmpty()) {
            throw new RequestRejected(ApiProblem.NO_TOKEN);
        }
        if (!Tokens.isWellFormed(token)) {
            throw new RequestRejected(ApiProblem.INVALID_TOKEN);
        }
        String hash = Tokens.hash(token);
        LookedUp response = lookUp(hash, now, writingAt)
                .orElseThrow(() -> new RequestRejected(ApiProblem.INVALID_TOKEN));
        Survey survey = survey(response.response().surveyId(), now);
        if (!survey.acceptsAnswers(now)) {
            throw new RequestRejected(ApiProblem.of(ProblemType.SURVEY_CLOSED,
                    "Undersøkelsen tar ikke imot svar nå."));
        }
        StoredResponse stored = response.response();
        String questionnaireId = stored.questionnaireId() != null ? stored.questionnaireId() : survey.questionnaireId();
        int version = stored.questionnaireVersion() != null
                ? stored.questionnaireVersion() : survey.questionnaireVersion();
        return new Respondent(hash, response.response(), engine(questionnaireId, version), response.verified());
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

    private ObjectNode view(Respondent respondent) {
        return ResponseView.of(respondent.response(), respondent.engine(), respondent.state());
    }

    private ApiReply conflict(Respondent current) {
        return Replies.problem(ApiProblem.conflict(
                "Besvarelsen er lagret fra et annet sted siden du hentet den. Se over svarene og prøv igjen.",
                view(current)));
    }

    private static ApiReply validationFailed(String detail, List<Problem> problems) {
        List<ProblemError> errors = problems.stream().map(problem -> new ProblemError(problem.question(),
                problem.code().name(), problem.message(), problem.row(), problem.option())).toList();
        return Replies.problem(ApiProblem.validationFailed(detail, errors));
    }

    /**
     * The reader's problems and the engine's; an answer the reader could not read is missing to the engine, which
     * would add a second, misleading problem for the same question.
     */
    private static List<Problem> combined(List<Problem> reading, List<Problem> rules) {
        if (reading.isEmpty()) {
            return rules;
        }
        Set<String> unreadable = new HashSet<>();
        reading.forEach(problem -> unreadable.add(problem.question()));
        List<Problem> all = new ArrayList<>(reading);
        rules.stream().filter(problem -> !unreadable.contains(problem.question())).forEach(all::add);
        return all;
    }

    /**
     * A respondent as one request sees them.
     *
     * @param verified whether {@code response} was read from the table during this request, rather than remembered
     */
    private record Respondent(String tokenHash, StoredResponse response, RulesEngine engine, ResponseState state,
                              boolean verified) {

        Respondent(String tokenHash, StoredResponse response, RulesEngine engine, boolean verified) {
            this(tokenHash, response, engine, new ResponseState(
                    AnswerCodec.read(engine.questionnaire(), response.answers()).answers(), response.savedPages()),
                    verified);
        }

        /** The same respondent with the response as just read or written. */
        Respondent withResponse(StoredResponse changed) {
            return new Respondent(tokenHash, changed, engine, true);
        }
    }
}
