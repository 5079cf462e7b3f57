package no.ks.barometer.mailing;

import java.util.List;

/**
 * Who would get a mailing's mail now, and why each other organisation in its reach would not: the dry run.
 * Organisations outside a chosen list are not listed.
 */
public record MailingPlan(Mailing mailing, List<Recipient> recipients, List<Excluded> excluded) {

    public MailingPlan {
        recipients = List.copyOf(recipients);
        excluded = List.copyOf(excluded);
    }

    /** An organisation that would get the mail, at these addresses (all in one mail's {@code To}). */
    public record Recipient(Invitee invitee, List<String> addresses) {

        public Recipient {
            addresses = List.copyOf(addresses);
        }
    }

    public record Excluded(String orgNumber, String orgName, Exclusion reason) {
    }
}
