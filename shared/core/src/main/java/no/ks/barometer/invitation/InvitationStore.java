package no.ks.barometer.invitation;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where invitations and their tokens are kept; the DynamoDB implementation is {@code store.DynamoInvitationStore}. */
public interface InvitationStore {

    /**
     * Writes every invitation together with its token. If any organisation is invited already, nothing is written
     * and {@link AlreadyInvitedException} names them all. An organisation that someone else invites while the
     * invitations are being written keeps that invitation: this one is left out, the others are written, and the
     * numbers left out are returned.
     */
    List<String> create(String surveyId, List<PendingInvitation> invitations, Instant invitedAt);

    Optional<InvitedOrganisation> find(String surveyId, String orgNumber);

    /**
     * Makes {@code next} the organisation's link and revokes the current one (if any) in one step; the response is
     * kept. Fails with {@link IllegalStateException} if the link generation is no longer {@code current}'s.
     */
    void replaceToken(String surveyId, String orgNumber, InvitedOrganisation current, TokenGrant next, Instant now);

    /**
     * Revokes the current link and moves the generation to {@code nextGeneration}, so that the current generation's
     * link can never be made to work again: the organisation cannot answer until a link is reissued. Fails with
     * {@link IllegalStateException} if the link generation is no longer {@code current}'s.
     */
    void revokeToken(String surveyId, String orgNumber, InvitedOrganisation current, long nextGeneration, Instant now);
}
