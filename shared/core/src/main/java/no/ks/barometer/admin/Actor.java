package no.ks.barometer.admin;

import java.util.Objects;

/**
 * Who did an administrative action: the IAM principal that signed the request in AWS, the local stack's admin
 * locally. Recorded in every audit entry.
 */
public record Actor(String principal) {

    public Actor {
        Objects.requireNonNull(principal, "principal");
        if (principal.isBlank()) {
            throw new IllegalArgumentException("An actor has a name");
        }
    }
}
