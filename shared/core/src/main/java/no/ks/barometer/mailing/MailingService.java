package no.ks.barometer.mailing;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.MailRenderer;
import no.ks.barometer.mail.Outbox;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.survey.Survey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Invitation and reminder mailings: the dry run, and the sending, which claims each organisation's mail with one
 * conditional write before handing it to the outbox. Started again (a retry, a second start, a restart after a
 * crash), a mailing sends what is not claimed yet and nobody's mail twice.
 *
 * <p>A mail whose sending certainly failed (the outbox refused it, or it could not be made) is given back, and the
 * mailing stops, to be started again. A mail whose sending ended in doubt (the sender died, or the outbox failed
 * without saying whether it sent) stays claimed and is never sent again: at most once, and the doubt is visible
 * as a claimed mail that was never marked sent.
 */
public final class MailingService {

    private final MailingStore store;
    private final MailingPlanner planner;
    private final InvitationService invitations;
    private final Outbox outbox;
    private final MailingSettings settings;
    private final MailRenderer renderer;
    private final Clock clock;
    private final Pause pause;

    public MailingService(MailingStore store, InvitationService invitations, Outbox outbox, MailingSettings settings,
                          Clock clock, Pause pause) {
        this.store = store;
        this.planner = new MailingPlanner(store, clock);
        this.invitations = invitations;
        this.outbox = outbox;
        this.settings = settings;
        this.renderer = new MailRenderer(settings.content());
        this.clock = clock;
        this.pause = pause;
    }

    /** Records the mailing so that a mailer can run it by its id; see {@link MailingPlanner#register}. */
    public Mailing register(Survey survey, Mailing mailing) {
        return planner.register(survey, mailing);
    }

    /** The dry run; see {@link MailingPlanner#plan}. */
    public MailingPlan plan(Survey survey, Mailing mailing) {
        return planner.plan(survey, mailing);
    }

    /**
     * Sends the registered mailing's mail to everyone its plan names now, within the configured send rate. Throws
     * when it stops early; starting it again resumes.
     */
    public MailingReport run(Survey survey, String mailingId) {
        return run(survey, mailingId, settings.mailsPerSecond());
    }

    /**
     * As {@link #run(Survey, String)}, at a rate of the caller's instead of the configured one: the account's, when
     * its quota is lower ({@link MailingSettings#rateWithin}).
     */
    public MailingReport run(Survey survey, String mailingId, double mailsPerSecond) {
        Duration interval = MailingSettings.interval(mailsPerSecond);
        Mailing mailing = store.find(survey.id(), mailingId).orElseThrow(() -> new IllegalArgumentException(
                "Survey " + survey.id() + " has no mailing " + mailingId));
        MailingPlan plan = plan(survey, mailing);
        List<String> sent = new ArrayList<>();
        List<String> claimedElsewhere = new ArrayList<>();
        Instant nextSend = clock.instant();
        for (MailingPlan.Recipient recipient : plan.recipients()) {
            String orgNumber = recipient.invitee().orgNumber();
            if (!store.claim(survey.id(), mailingId, orgNumber, recipient.addresses(), clock.instant())) {
                claimedElsewhere.add(orgNumber);
                continue;
            }
            OutgoingMail mail;
            try {
                mail = compose(survey, mailing, recipient);
                waitUntil(nextSend);
            } catch (RuntimeException notSent) {
                store.release(survey.id(), mailingId, orgNumber);
                throw notSent;
            }
            nextSend = clock.instant().plus(interval);
            String messageId;
            try {
                messageId = outbox.send(mail);
            } catch (MailRefusedException refused) {
                store.release(survey.id(), mailingId, orgNumber);
                throw refused;
            }
            store.markSent(survey.id(), mailingId, orgNumber, messageId, clock.instant());
            sent.add(orgNumber);
        }
        return new MailingReport(sent, claimedElsewhere, plan);
    }

    private OutgoingMail compose(Survey survey, Mailing mailing, MailingPlan.Recipient recipient) {
        IssuedInvitation link = invitations.currentLink(survey, recipient.invitee().invited())
                .orElseThrow(() -> new IllegalStateException("The link of organisation "
                        + recipient.invitee().orgNumber() + " was revoked while mailing " + mailing.id() + " ran"));
        return new OutgoingMail(mailing.id() + "-" + recipient.invitee().orgNumber(), settings.from(),
                recipient.addresses(), settings.content().contactEmail(),
                renderer.render(mailing.kind(), survey, link));
    }

    private void waitUntil(Instant next) {
        Duration wait = Duration.between(clock.instant(), next);
        if (wait.isNegative() || wait.isZero()) {
            return;
        }
        try {
            pause.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while keeping to the send rate", e);
        }
    }
}
