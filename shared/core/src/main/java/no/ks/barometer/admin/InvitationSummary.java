package no.ks.barometer.admin;

import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseTimes;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation as an administrator sees it: whom, where the response stands, and whether its link works. Never
 * the answers.
 *
 * @param tokenExpiresAt when the current link stops working; {@code null} while the link is revoked
 * @param reissuedAt     the last time a new link replaced the old one, or {@code null}
 */
public record InvitationSummary(Organisation organisation, ResponseStatus status, ResponseTimes times,
                                Instant tokenExpiresAt, Instant reissuedAt) {

    public InvitationSummary {
        Objects.requireNonNull(organisation, "organisation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(times, "times");
    }

    public enum LinkState {
        ACTIVE,
        EXPIRED,
        REVOKED
    }

    public LinkState link(Instant now) {
        if (tokenExpiresAt == null) {
            return LinkState.REVOKED;
        }
        return now.isBefore(tokenExpiresAt) ? LinkState.ACTIVE : LinkState.EXPIRED;
    }
}
