package no.ks.barometer.invitation;

import java.net.URI;

/**
 * An invitation as its recipient gets it. The token exists only here, on its way into an e-mail or a links file;
 * the table holds its hash.
 *
 * @param link the survey's link base with the token in the fragment ({@code …#t=<token>}), which browsers never
 *             send to a server or in a Referer
 */
public record IssuedInvitation(Organisation organisation, String token, URI link) {

    /** Without token and link: whoever logs an invitation must not hand out the organisation's key. */
    @Override
    public String toString() {
        return "IssuedInvitation[organisation=" + organisation.number() + " " + organisation.name() + "]";
    }
}
