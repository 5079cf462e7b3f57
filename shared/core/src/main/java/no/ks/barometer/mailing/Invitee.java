package no.ks.barometer.mailing;

import no.ks.barometer.invitation.InvitedOrganisation;
import no.ks.barometer.response.ResponseStatus;

import java.time.Instant;

/**
 * An invited organisation as a mailing sees it.
 *
 * @param tokenExpiresAt when its current link stops working; {@code null} while the link is revoked
 */
public record Invitee(InvitedOrganisation invited, ResponseStatus status, Instant tokenExpiresAt) {

    public String orgNumber() {
        return invited.organisation().number();
    }
}
