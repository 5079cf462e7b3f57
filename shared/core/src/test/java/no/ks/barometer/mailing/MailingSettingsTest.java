package no.ks.barometer.mailing;

import no.ks.barometer.mail.MailSettings;
import no.ks.barometer.mail.OutgoingMail;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The rate a mailing sends at under the account's quota, and the quotas that cannot be. */
class MailingSettingsTest {

    private static final MailingSettings TEN_A_SECOND = new MailingSettings(
            new MailSettings("KS", "Analysepartner AS", "brukerstøtten", "support@partner.example"),
            new OutgoingMail.Sender("innovasjonsbarometer@ks.example", "KS Innovasjonsbarometer"), 10);

    @Test
    void accountsRateIsTakenWhenLowerThanTheConfiguredOne() {
        assertEquals(2.5, TEN_A_SECOND.rateWithin(new SendingQuota(true, 2.5)));
    }

    @Test
    void configuredRateIsKeptWhenTheAccountAllowsMore() {
        assertEquals(10.0, TEN_A_SECOND.rateWithin(new SendingQuota(true, 14)));
    }

    @Test
    void accountWhoseSendingIsDisabledIsRefused() {
        assertThrows(SendingDisabledException.class, () -> TEN_A_SECOND.rateWithin(new SendingQuota(false, 14)));
    }

    @Test
    void accountThatMaySendNeedsARateAboveZero() {
        assertThrows(IllegalArgumentException.class, () -> new SendingQuota(true, 0));
        assertThrows(IllegalArgumentException.class, () -> new SendingQuota(true, Double.NaN));
        assertEquals(0.0, new SendingQuota(false, 0).maxSendRate(), "a disabled account's rate does not matter");
    }

    @Test
    void intervalIsTheTimeOneMailTakesAtTheRate() {
        assertEquals(Duration.ofMillis(400), MailingSettings.interval(2.5));
        assertThrows(IllegalArgumentException.class, () -> MailingSettings.interval(0));
    }
}
