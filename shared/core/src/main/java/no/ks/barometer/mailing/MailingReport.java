package no.ks.barometer.mailing;

import java.util.List;

/**
 * What one start of a mailing did.
 *
 * @param sent            organisations whose mail this start handed to the outbox
 * @param claimedElsewhere organisations it meant to mail whose mail another start of the same mailing claimed first
 * @param plan            the plan it followed: the excluded organisations and why
 */
public record MailingReport(List<String> sent, List<String> claimedElsewhere, MailingPlan plan) {

    public MailingReport {
        sent = List.copyOf(sent);
        claimedElsewhere = List.copyOf(claimedElsewhere);
    }
}
