package no.ks.barometer.admin;

import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.response.StoredResponse;

import java.util.List;
import java.util.Optional;

/**
 * The invitation items of one survey as the administrator reads them. Every read stays in the survey's own
 * partition; the DynamoDB implementation is {@code store.DynamoInvitationRecords}.
 */
public interface InvitationRecords {

    /** Every invitation of the survey, without answers, by organisation number. */
    List<InvitationSummary> summaries(String surveyId);

    /**
     * One page of {@link #summaries}.
     *
     * @param after the cursor of the previous page ({@link ListPage#next()}), or empty for the first
     */
    ListPage<InvitationSummary> page(String surveyId, Optional<String> after, int limit);

    /** Every response of the survey with its answers, by organisation number. */
    List<StoredResponse> responses(String surveyId);

    /** Every bounce and complaint recorded on the survey's mails, one per address and report. */
    List<AddressFeedback> mailFeedback(String surveyId);

    /** Replaces the organisation data of invitations that exist; their links, status and answers stay. */
    void updateOrganisations(String surveyId, List<Organisation> organisations);
}
