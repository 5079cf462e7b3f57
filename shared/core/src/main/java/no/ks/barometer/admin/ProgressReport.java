package no.ks.barometer.admin;

import no.ks.barometer.mailing.AddressFeedback;

import java.time.Instant;
import java.util.List;

/**
 * Where a survey's fieldwork stands: overall and per segment. Counts only, never answers.
 *
 * @param countedAt     when the invitations were read
 * @param undeliverable the organisations with a contact address that bounced or complained, by organisation number
 */
public record ProgressReport(String surveyId, Instant countedAt, StatusCounts overall,
                             List<Segment> byOrgType, List<Segment> bySizeGroup, List<Segment> byFylke,
                             List<Segment> byLandsdel, List<Undeliverable> undeliverable) {

    public ProgressReport {
        byOrgType = List.copyOf(byOrgType);
        bySizeGroup = List.copyOf(bySizeGroup);
        byFylke = List.copyOf(byFylke);
        byLandsdel = List.copyOf(byLandsdel);
        undeliverable = List.copyOf(undeliverable);
    }

    /**
     * One group of organisations.
     *
     * @param key   stable, for machines: an organisation type code, size group or landsdel name, a fylkesnummer
     * @param label Norwegian, for people
     */
    public record Segment(String key, String label, StatusCounts counts) {
    }

    /**
     * An organisation some of whose contacts did not get its mail, so that someone can find the right recipient.
     * The organisation is not marked: its other contacts may have got the mail.
     *
     * @param contacts  every contact address it has now
     * @param addresses the latest report on each of those contacts that bounced or complained, by address
     */
    public record Undeliverable(String orgNumber, String orgName, List<String> contacts,
                                List<AddressFeedback> addresses) {

        public Undeliverable {
            contacts = List.copyOf(contacts);
            addresses = List.copyOf(addresses);
        }
    }
}
