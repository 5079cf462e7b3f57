package no.ks.barometer.invitation;

/**
 * An organisation's invitation as the invitation service needs it.
 *
 * @param tokenHash      the hash of the token that works now, or {@code null} after a revocation
 * @param linkGeneration the generation the current token is derived from; every reissue and revocation moves it
 */
public record InvitedOrganisation(Organisation organisation, String tokenHash, long linkGeneration) {
}
