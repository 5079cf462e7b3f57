package no.ks.barometer.mailing;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a mailing is before anything is sent: recorded under its id, and planned (who would get it now, and why
 * the others would not). The administrator's API needs this much; only the mailer sends.
 */
public final class MailingPlanner {

    private final MailingStore store;
    private final Clock clock;

    public MailingPlanner(MailingStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * Records the mailing so that a mailer can run it by its id. Registering the same mailing again is harmless;
     * an id already used for another mailing is refused ({@link IllegalArgumentException}), and so is a survey
     * that is not open with its deadline ahead ({@link IllegalStateException}).
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
