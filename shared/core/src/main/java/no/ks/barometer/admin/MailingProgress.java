package no.ks.barometer.admin;

import no.ks.barometer.mailing.MailState;
import no.ks.barometer.mailing.Mailing;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where a mailing stands: its mails by organisation number. A mail {@link MailState#CLAIMED} while no mailer runs
 * is one whose sending ended in doubt; it is never sent again by this mailing.
 */
public record MailingProgress(Mailing mailing, Map<String, MailState> mails) {

    public MailingProgress {
        mails = Collections.unmodifiableMap(new TreeMap<>(mails));
    }

    public long count(MailState state) {
        return mails.values().stream().filter(state::equals).count();
    }
}
