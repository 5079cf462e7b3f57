package no.ks.barometer.mailing;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.MailRenderer;
import no.ks.barometer.mail.Outbox;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
    private final InvitationService invitations;
    private final Outbox outbox;
    private final MailingSettings settings;
    private final MailRenderer renderer;
    private final Clock clock;
    private final Pause pause;

    public MailingService(MailingStore store, InvitationService invitations, Outbox outbox, MailingSettings settings,
                          Clock clock, Pause pause) {
        this.store = store;
        this.invitations = invitations;
        this.outbox = outbox;
        this.settings = settings;
        this.renderer = new MailRenderer(settings.content());
        this.clock = clock;
        this.pause = pause;
    }

    /**
     * Records the mailing so that a mailer can run it by its id. Registering the same mailing again is harmless;
     * an id already used for another mailing is refused.
     */
    public Mailing register(Survey survey, Mailing mailing) {
        requireMailable(survey, clock.instant());
        Mailing stored = store.register(survey.id(), mailing, clock.instant());
        if (!stored.equals(mailing)) {
            throw new IllegalArgumentException("Mailing " + mailing.id() + " of survey " + survey.id()
                    + " exists already and is another mailing: " + stored);
        }
        return stored;
    }

    /** The dry run: who would get the mail if the mailing ran now, and why the others would not. */
    public MailingPlan plan(Survey survey, Mailing mailing) {
        Instant now = clock.instant();
        requireMailable(survey, now);
        Map<String, MailState> mails = store.mails(survey.id(), mailing.id());
        List<MailingPlan.Recipient> recipients = new ArrayList<>();
        List<MailingPlan.Excluded> excluded = new ArrayList<>();
        Set<String> unknown = new TreeSet<>(mailing.chosen());
        List<Invitee> invitees = new ArrayList<>(store.invitees(survey.id()));
        invitees.sort(Comparator.comparing(Invitee::orgNumber));
        for (Invitee invitee : invitees) {
            unknown.remove(invitee.orgNumber());
            if (!mailing.includes(invitee.orgNumber())) {
                continue;
            }
            Exclusion reason = exclusion(invitee, mails.containsKey(invitee.orgNumber()), now);
            if (reason == null) {
                recipients.add(new MailingPlan.Recipient(invitee, addresses(invitee)));
            } else {
                excluded.add(new MailingPlan.Excluded(invitee.orgNumber(),
                        invitee.invited().organisation().name(), reason));
            }
        }
        unknown.forEach(number -> excluded.add(new MailingPlan.Excluded(number, null, Exclusion.NOT_INVITED)));
        return new MailingPlan(mailing, recipients, excluded);
    }

    /**
     * Sends the registered mailing's mail to everyone its plan names now, within the send rate. Throws when it
     * stops early; starting it again resumes.
     */
    public MailingReport run(Survey survey, String mailingId) {
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
            nextSend = clock.instant().plus(settings.interval());
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

    private static Exclusion exclusion(Invitee invitee, boolean mailedAlready, Instant now) {
        if (mailedAlready) {
            return Exclusion.ALREADY_MAILED;
        }
        switch (invitee.status()) {
            case COMPLETED:
                return Exclusion.COMPLETED;
            case DECLINED:
                return Exclusion.DECLINED;
            case WRONG_RECIPIENT:
                return Exclusion.WRONG_RECIPIENT;
            default:
                break;
        }
        if (invitee.invited().tokenHash() == null) {
            return Exclusion.LINK_REVOKED;
        }
        if (invitee.tokenExpiresAt() == null || !now.isBefore(invitee.tokenExpiresAt())) {
            return Exclusion.LINK_EXPIRED;
        }
        return addresses(invitee).isEmpty() ? Exclusion.NO_ADDRESS : null;
    }

    /** Every contact of the organisation, in one mail. */
    private static List<String> addresses(Invitee invitee) {
        return invitee.invited().organisation().contactEmails().stream()
                .filter(address -> address != null && !address.isBlank()).map(String::strip).toList();
    }

    private static void requireMailable(Survey survey, Instant now) {
        if (survey.state() != SurveyState.OPEN || survey.closesAt() == null || !now.isBefore(survey.closesAt())) {
            throw new IllegalStateException("Survey " + survey.id() + " is not open with a deadline ahead: no mail"
                    + " would lead anyone to a response that accepts answers");
        }
    }
}
