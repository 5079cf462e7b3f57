package no.ks.barometer.invitation;

import no.ks.barometer.survey.Survey;
import no.ks.barometer.token.HmacLinkKey;
import no.ks.barometer.token.LinkKey;
import no.ks.barometer.token.Tokens;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Issues, reissues and revokes respondent links. The one way invitations come to exist, used alike by tests, the
 * local stack's seed and the mailing.
 *
 * <p>A link's token is derived from the {@link LinkKey} and the invitation's link generation, which starts at 1
 * and moves on at every reissue and revocation; the table holds only the token's hash and the generation, so
 * only the key's holder can make a link, and the mailer makes the same one for an invitation and its reminders.
 */
public final class InvitationService {

    static final long FIRST_GENERATION = 1;

    private final InvitationStore store;
    private final LinkKey linkKey;
    private final Clock clock;

    public InvitationService(InvitationStore store, LinkKey linkKey, Clock clock) {
        this.store = store;
        this.linkKey = linkKey;
        this.clock = clock;
    }

    /**
     * With a key that ends with this process: the links it issues work, but nobody can make them again (no
     * reminder can carry them). For callers that hand out every link at once: tests, benchmarks, a demo seed.
     */
    public InvitationService(InvitationStore store, Clock clock) {
        this(store, HmacLinkKey.ephemeral(), clock);
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
            String token = token(survey, organisation.number(), FIRST_GENERATION);
            pending.add(new PendingInvitation(organisation,
                    new TokenGrant(Tokens.hash(token), FIRST_GENERATION, now.plus(validity))));
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
        long generation = invited.linkGeneration() + 1;
        String token = token(survey, orgNumber, generation);
        store.replaceToken(survey.id(), orgNumber, invited,
                new TokenGrant(Tokens.hash(token), generation, now.plus(validity)), now);
        return new IssuedInvitation(invited.organisation(), token, link(survey, token));
    }

    /** Stops the organisation's link from working; {@link #reissue} gives it a new one. */
    public void revoke(Survey survey, String orgNumber) {
        InvitedOrganisation invited = store.find(survey.id(), orgNumber)
                .orElseThrow(() -> new NotInvitedException(survey.id(), orgNumber));
        if (invited.tokenHash() != null) {
            store.revokeToken(survey.id(), orgNumber, invited, invited.linkGeneration() + 1, clock.instant());
        }
    }

    /**
     * The link the organisation holds now, made again from the key (for a reminder); empty while it is revoked.
     * A link that would not open the response is never handed out: if the key derives a token whose hash is not
     * the stored one (another key, or an invitation written before links were derived), this fails.
     */
    public Optional<IssuedInvitation> currentLink(Survey survey, InvitedOrganisation invited) {
        if (invited.tokenHash() == null) {
            return Optional.empty();
        }
        String orgNumber = invited.organisation().number();
        String token = token(survey, orgNumber, invited.linkGeneration());
        if (!Tokens.sameHash(Tokens.hash(token), invited.tokenHash())) {
            throw new IllegalStateException("The link key does not make the stored link of organisation " + orgNumber
                    + " in survey " + survey.id() + "; was it issued with another key? Reissue it.");
        }
        return Optional.of(new IssuedInvitation(invited.organisation(), token, link(survey, token)));
    }

    private String token(Survey survey, String orgNumber, long generation) {
        return Tokens.derive(linkKey, survey.id(), orgNumber, generation);
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
