package no.ks.barometer.admin;

import no.ks.barometer.invitation.IssuedInvitation;

import java.util.List;

/**
 * What a register import did.
 *
 * @param invited         organisations invited by this import, each with its new link: the only time the link is
 *                        shown, so the caller must keep it (or reissue it later)
 * @param updated         numbers of invited organisations whose data changed
 * @param unchanged       how many rows matched what was stored already
 * @param invitedMeanwhile numbers someone else invited while this import ran; they keep that invitation, and
 *                        importing the file again updates their data
 */
public record ImportReport(List<IssuedInvitation> invited, List<String> updated, int unchanged,
                           List<String> invitedMeanwhile) {

    public ImportReport {
        invited = List.copyOf(invited);
        updated = List.copyOf(updated);
        invitedMeanwhile = List.copyOf(invitedMeanwhile);
    }
}
