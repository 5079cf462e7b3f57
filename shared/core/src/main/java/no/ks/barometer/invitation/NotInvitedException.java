package no.ks.barometer.invitation;

/** A reissue or revocation named an organisation that has no invitation to the survey. */
public final class NotInvitedException extends RuntimeException {

    public NotInvitedException(String surveyId, String orgNumber) {
        super("Organisation " + orgNumber + " has no invitation to survey " + surveyId);
    }
}
