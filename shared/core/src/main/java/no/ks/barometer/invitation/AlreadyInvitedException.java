package no.ks.barometer.invitation;

import java.util.List;

/** An organisation has an invitation to this survey already; a second one is refused (see InvitationService). */
public final class AlreadyInvitedException extends RuntimeException {

    private final List<String> orgNumbers;

    public AlreadyInvitedException(String surveyId, List<String> orgNumbers) {
        super("Already invited to survey " + surveyId + ": " + String.join(", ", orgNumbers));
        this.orgNumbers = List.copyOf(orgNumbers);
    }

    public List<String> orgNumbers() {
        return orgNumbers;
    }
}
