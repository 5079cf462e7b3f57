package no.ks.barometer.invitation;

/** An invitation about to be written: the organisation and the token it will answer with. */
public record PendingInvitation(Organisation organisation, TokenGrant token) {
}
