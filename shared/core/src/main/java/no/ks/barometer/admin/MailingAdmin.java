package no.ks.barometer.admin;

import no.ks.barometer.mailing.MailerTrigger;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingPlan;
import no.ks.barometer.mailing.MailingPlanner;
import no.ks.barometer.mailing.MailingSchedule;
import no.ks.barometer.mailing.MailingStore;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyStore;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A survey's mailings as the administrator sees them: the dry run, starting one (the mailer sends; this returns at
 * once), scheduling one for a time, and each mailing's progress. Starting a mailing again under its id resumes it.
 */
public final class MailingAdmin {

    private final SurveyStore surveys;
    private final MailingStore store;
    private final MailingPlanner planner;
    private final MailerTrigger trigger;
    private final MailingSchedule schedule;
    private final AuditTrail audit;
    private final Clock clock;

    public MailingAdmin(SurveyStore surveys, MailingStore store, MailerTrigger trigger, MailingSchedule schedule,
                        AuditTrail audit, Clock clock) {
        this.surveys = surveys;
        this.store = store;
        this.planner = new MailingPlanner(store, clock);
        this.trigger = trigger;
        this.schedule = schedule;
        this.audit = audit;
        this.clock = clock;
    }

    /** Who would get the mailing's mail if it ran now, and why each other organisation in its reach would not. */
    public Outcome<MailingPlan> dryRun(String surveyId, Mailing mailing) {
        return onSurvey(surveyId, survey -> {
            try {
                return Outcome.done(planner.plan(survey, mailing));
            } catch (IllegalStateException notOpen) {
                return notOpen(surveyId);
            }
        });
    }

    /** Records the mailing and sets the mailer going; the same mailing started again resumes where it stopped. */
    public Outcome<Mailing> start(String surveyId, Mailing mailing, Actor actor) {
        return onSurvey(surveyId, survey -> {
            Outcome<Mailing> registered = register(survey, mailing);
            if (registered instanceof Outcome.Done<Mailing>) {
                trigger.start(surveyId, mailing.id());
                audit.record(surveyId, actor, AuditAction.MAILING_STARTED, null, describe(mailing));
            }
            return registered;
        });
    }

    /**
     * Records the mailing and has it run once at {@code at}, which must lie ahead and before the survey closes. Its
     * recipients are found when it runs, so a reminder reaches exactly those whose response is still open then.
     */
    public Outcome<Mailing> schedule(String surveyId, Mailing mailing, Instant at, Actor actor) {
        if (at == null) {
            return Outcome.refused(Refusal.INVALID_REQUEST, "«at» mangler: når utsendingen skal gå.");
        }
        return onSurvey(surveyId, survey -> {
            if (!at.isAfter(clock.instant()) || survey.closesAt() == null || !at.isBefore(survey.closesAt())) {
                return Outcome.refused(Refusal.INVALID_REQUEST, "«at» må ligge fram i tid og før fristen "
                        + survey.closesAt() + ".");
            }
            if (store.find(surveyId, mailing.id()).isPresent()) {
                return Outcome.refused(Refusal.MAILING_EXISTS, "Utsendingen «" + mailing.id()
                        + "» finnes allerede; en planlagt utsending får en ny id.");
            }
            Outcome<Mailing> registered = register(survey, mailing);
            if (registered instanceof Outcome.Done<Mailing>) {
                schedule.runAt(surveyId, mailing.id(), at);
                audit.record(surveyId, actor, AuditAction.MAILING_SCHEDULED, null,
                        describe(mailing) + ", sendes " + at);
            }
            return registered;
        });
    }

    public Outcome<List<MailingProgress>> list(String surveyId) {
        return onSurvey(surveyId, survey -> Outcome.done(store.mailings(surveyId).stream()
                .map(mailing -> new MailingProgress(mailing, store.mails(surveyId, mailing.id())))
                .toList()));
    }

    public Outcome<MailingProgress> show(String surveyId, String mailingId) {
        return onSurvey(surveyId, survey -> {
            Optional<Mailing> mailing = mailingId.matches(Mailing.ID_PATTERN) ? store.find(surveyId, mailingId)
                    : Optional.empty();
            return mailing.<Outcome<MailingProgress>>map(found -> Outcome.done(
                            new MailingProgress(found, store.mails(surveyId, mailingId))))
                    .orElseGet(() -> Outcome.refused(Refusal.MAILING_NOT_FOUND, "Undersøkelsen «" + surveyId
                            + "» har ingen utsending «" + mailingId + "»."));
        });
    }

    private Outcome<Mailing> register(Survey survey, Mailing mailing) {
        try {
            return Outcome.done(planner.register(survey, mailing));
        } catch (IllegalStateException notOpen) {
            return notOpen(survey.id());
        } catch (IllegalArgumentException taken) {
            return Outcome.refused(Refusal.MAILING_EXISTS, "Utsendingen «" + mailing.id()
                    + "» finnes allerede med en annen type eller andre mottakere; velg en ny id.");
        }
    }

    private <T> Outcome<T> onSurvey(String surveyId, Function<Survey, Outcome<T>> action) {
        return surveys.get(surveyId).map(action).orElseGet(() -> SurveyAdmin.notFound(surveyId));
    }

    private static <T> Outcome<T> notOpen(String surveyId) {
        return Outcome.refused(Refusal.SURVEY_NOT_OPEN, "Undersøkelsen «" + surveyId
                + "» er ikke åpen med fristen foran seg; ingen e-post sendes.");
    }

    private static String describe(Mailing mailing) {
        return mailing.kind() + " «" + mailing.id() + "» til " + (mailing.chosen().isEmpty()
                ? "alle med åpen besvarelse" : mailing.chosen().size() + " valgte organisasjoner");
    }
}
