package no.ks.barometer.admin;

import no.ks.barometer.questionnaire.PublishedQuestionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creates surveys and moves them through their life: open, close, extend. A survey takes answers while it is
 * {@code OPEN} and the time is between {@code opensAt} and {@code closesAt}; a new survey is {@code OPEN}, so its
 * window alone decides, and closing it stops answers before {@code closesAt}.
 */
public final class SurveyAdmin {

    private static final String ID_PATTERN = "[a-z0-9]+(-[a-z0-9]+)*";
    private static final int MAX_ID = 64;
    private static final int MAX_TITLE = 200;
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    private final SurveyLifecycleStore surveys;
    private final Supplier<QuestionnaireCatalog> catalog;
    private final AuditTrail audit;
    private final Clock clock;

    public SurveyAdmin(SurveyLifecycleStore surveys, Supplier<QuestionnaireCatalog> catalog, AuditTrail audit, Clock clock) {
        this.surveys = surveys;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    public List<Survey> list() {
        return surveys.list();
    }

    public Outcome<Survey> get(String surveyId) {
        return surveys.get(surveyId).<Outcome<Survey>>map(Outcome::done).orElseGet(() -> notFound(surveyId));
    }

    public Outcome<Survey> create(NewSurvey request, Actor actor) {
        if (request.id() == null || request.id().length() > MAX_ID || !request.id().matches(ID_PATTERN)) {
            return invalid("«id» må være små bokstaver, sifre og bindestreker, høyst " + MAX_ID + " tegn "
                    + "(for eksempel «innovasjonsbarometer-2026»).");
        }
        if (request.title() == null || request.title().isBlank() || request.title().length() > MAX_TITLE) {
            return invalid("«title» må ha en tittel på høyst " + MAX_TITLE + " tegn.");
        }
        if (request.opensAt() == null || request.closesAt() == null) {
            return invalid("«opensAt» og «closesAt» må begge oppgis.");
        }
        if (!request.opensAt().isBefore(request.closesAt())) {
            return invalid("«closesAt» må være etter «opensAt».");
        }
        if (!request.closesAt().isAfter(clock.instant())) {
            return invalid("«closesAt» er allerede passert.");
        }
        Optional<URI> linkBase = linkBase(request.linkBaseUrl());
        if (linkBase.isEmpty()) {
            return invalid("«linkBaseUrl» må være en https-adresse uten fragment (http bare til egen maskin), "
                    + "for eksempel «https://barometer.example/».");
        }
        if (request.questionnaireId() == null) {
            return invalid("«questionnaireId» må oppgis.");
        }
        if (request.questionnaireVersion() != null && request.questionnaireVersion() < 1) {
            return invalid("«questionnaireVersion» må være et positivt heltall.");
        }
        Optional<PublishedQuestionnaire> questionnaire = request.questionnaireVersion() == null
                ? catalog.get().current(request.questionnaireId())
                : catalog.get().get(request.questionnaireId(), request.questionnaireVersion());
        if (questionnaire.isEmpty()) {
            return Outcome.refused(Refusal.QUESTIONNAIRE_NOT_FOUND, "Det finnes ikke noe spørreskjema «"
                    + request.questionnaireId() + "»" + (request.questionnaireVersion() == null ? ""
                    : " i versjon " + request.questionnaireVersion()) + ".");
        }
        Survey survey = new Survey(request.id(), request.title().strip(), request.questionnaireId(),
                questionnaire.get().questionnaire().version(), SurveyState.OPEN, request.opensAt(),
                request.closesAt(), linkBase.get());
        if (!surveys.create(survey)) {
            return Outcome.refused(Refusal.SURVEY_EXISTS, "Undersøkelsen «" + survey.id() + "» finnes allerede.");
        }
        audit.record(survey.id(), actor, AuditAction.SURVEY_CREATED, null, "Opprettet med spørreskjema "
                + survey.questionnaireId() + " versjon " + survey.questionnaireVersion() + ", åpen "
                + survey.opensAt() + "–" + survey.closesAt());
        return Outcome.done(survey);
    }

    /** Lets respondents answer again within the survey's window. */
    public Outcome<SurveyChange> open(String surveyId, Actor actor) {
        return change(surveyId, actor, current -> {
            if (current.closesAt() != null && !current.closesAt().isAfter(clock.instant())) {
                return invalid("Fristen for undersøkelsen («closesAt») er passert; forleng den først.");
            }
            return Outcome.done(withState(current, SurveyState.OPEN, current.closesAt()));
        }, AuditAction.SURVEY_OPENED, "Åpnet");
    }

    /** Stops answers before {@code closesAt}; warm containers notice within {@link Survey#RESPONDENT_REFRESH}. */
    public Outcome<SurveyChange> close(String surveyId, Actor actor) {
        return change(surveyId, actor, current -> Outcome.done(withState(current, SurveyState.CLOSED,
                current.closesAt())), AuditAction.SURVEY_CLOSED, "Stengt");
    }

    /** Moves {@code closesAt} later; it never shortens a survey (closing does that). */
    public Outcome<SurveyChange> extend(String surveyId, Instant closesAt, Actor actor) {
        if (closesAt == null) {
            return invalid("«closesAt» må oppgis.");
        }
        return change(surveyId, actor, current -> {
            if (current.closesAt() != null && !closesAt.isAfter(current.closesAt())) {
                return invalid("Ny frist må være etter dagens frist (" + current.closesAt() + "); "
                        + "vil du stenge tidligere, steng undersøkelsen.");
            }
            return Outcome.done(withState(current, current.state(), closesAt));
        }, AuditAction.SURVEY_EXTENDED, "Forlenget til " + closesAt);
    }

    private interface Transition {
        Outcome<Survey> apply(Survey current);
    }

    private Outcome<SurveyChange> change(String surveyId, Actor actor, Transition transition, AuditAction action,
                                         String detail) {
        Optional<Survey> found = surveys.get(surveyId);
        if (found.isEmpty()) {
            return notFound(surveyId);
        }
        Survey current = found.get();
        return switch (transition.apply(current)) {
            case Outcome.Refused<Survey> refused ->
                    new Outcome.Refused<>(refused.reason(), refused.detail(), refused.errors());
            case Outcome.Done<Survey> next -> store(current, next.value(), actor, action, detail);
        };
    }

    private Outcome<SurveyChange> store(Survey current, Survey changed, Actor actor, AuditAction action,
                                        String detail) {
        if (changed.equals(current)) {
            return Outcome.done(new SurveyChange(current, Duration.ZERO));
        }
        if (!surveys.replace(current, changed)) {
            return Outcome.refused(Refusal.CHANGED_MEANWHILE,
                    "Undersøkelsen ble endret av noen andre samtidig. Hent den på nytt og prøv igjen.");
        }
        audit.record(current.id(), actor, action, null, detail);
        return Outcome.done(new SurveyChange(changed, Survey.RESPONDENT_REFRESH));
    }

    private static Survey withState(Survey survey, SurveyState state, Instant closesAt) {
        return new Survey(survey.id(), survey.title(), survey.questionnaireId(), survey.questionnaireVersion(),
                state, survey.opensAt(), closesAt, survey.linkBaseUrl());
    }

    static Optional<URI> linkBase(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text);
            boolean secure = "https".equals(uri.getScheme())
                    || "http".equals(uri.getScheme()) && uri.getHost() != null && LOOPBACK.contains(uri.getHost());
            if (!secure || uri.getHost() == null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            return Optional.of(uri);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    static <T> Outcome<T> notFound(String surveyId) {
        return Outcome.refused(Refusal.SURVEY_NOT_FOUND, "Det finnes ingen undersøkelse «" + surveyId + "».");
    }

    private static <T> Outcome<T> invalid(String detail) {
        return Outcome.refused(Refusal.INVALID_REQUEST, detail);
    }
}
