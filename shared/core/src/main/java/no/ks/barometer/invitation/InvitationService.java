package no.ks.barometer.invitation;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.token.Tokens;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Issues, reissues and revokes respondent links. The one way invitations come to exist, used alike by tests, the
 * local stack's seed and the mailing.
 */
public final class InvitationService {

    private final InvitationStore store;
    private final Clock clock;

    public InvitationService(InvitationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Invites one organisation; refused with {@link AlreadyInvitedException} if it is invited already. */
    public IssuedInvitation invite(Survey survey, Organisation organisation, Duration validity) {
        return inviteAll(survey, List.of(organisation), validity).get(0);
    }

    /**
     * Invites many organisations in few round trips. If any is invited already when the call starts, none is, and
     * the exception names those that were. Should someone else invite one of the same organisations while this
     * call runs, that organisation keeps the other invitation and is left out of the result; every invitation
     * this call wrote is in it, so no link it made is lost.
     */
    public List<IssuedInvitation> inviteAll(Survey survey, List<Organisation> organisations, Duration validity) {
        requirePositive(validity);
        Set<String> numbers = new HashSet<>();
        for (Organisation organisation : organisations) {
            if (!numbers.add(organisation.number())) {
                throw new IllegalArgumentException("Organisation " + organisation.number() + " is listed twice");
            }
        }
        Instant now = clock.instant();
        List<PendingInvitation> pending = new ArrayList<>(organisations.size());
        List<IssuedInvitation> issued = new ArrayList<>(organisations.size());
        for (Organisation organisation : organisations) {
            String token = Tokens.newToken();
            pending.add(new PendingInvitation(organisation, new TokenGrant(Tokens.hash(token), now.plus(validity))));
            issued.add(new IssuedInvitation(organisation, token, link(survey, token)));
        }
        Set<String> takenMeanwhile = new HashSet<>(store.create(survey.id(), pending, now));
        return issued.stream().filter(i -> !takenMeanwhile.contains(i.organisation().number())).toList();
    }

    /** A new link for an invited organisation; the old one stops working, the answers given so far stay. */
    public IssuedInvitation reissue(Survey survey, String orgNumber, Duration validity) {
        requirePositive(validity);
        InvitedOrganisation invited = store.find(survey.id(), orgNumber)
                .orElseThrow(() -> new NotInvitedException(survey.id(), orgNumber));
        Instant now = clock.instant();
        String token = Tokens.newToken();
        store.replaceToken(survey.id(), orgNumber, invited.tokenHash(),
                new TokenGrant(Tokens.hash(token), now.plus(validity)), now);
        return new IssuedInvitation(invited.organisation(), token, link(survey, token));
    }

    /** Stops the organisation's link from working; {@link #reissue} gives it a new one. */
    public void revoke(Survey survey, String orgNumber) {
        InvitedOrganisation invited = store.find(survey.id(), orgNumber)
                .orElseThrow(() -> new NotInvitedException(survey.id(), orgNumber));
        if (invited.tokenHash() != null) {
            store.revokeToken(survey.id(), orgNumber, invited.tokenHash(), clock.instant());
        }
    }

    /** The survey's link base with the token as the fragment {@code t}; any fragment of the base is replaced. */
    static URI link(Survey survey, String token) {
        String base = survey.linkBaseUrl().toString();
        int fragment = base.indexOf('#');
        return URI.create((fragment < 0 ? base : base.substring(0, fragment)) + "#t=" + token);
    }

    private static void requirePositive(Duration validity) {
        if (validity.isNegative() || validity.isZero()) {
            throw new IllegalArgumentException("A link must be valid for some time, not " + validity);
        }
    }
}
