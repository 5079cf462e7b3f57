package no.ks.barometer.functions.mailer;

import no.ks.barometer.mail.MailSettings;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.mailing.MailingSettings;

import java.util.Map;

import static no.ks.barometer.aws.Variables.required;

/** The mailer's settings from its environment, which template.yaml fills from the stack's parameters. */
final class MailerSettings {

    static final String FROM_ADDRESS = "MAIL_FROM_ADDRESS";
    static final String FROM_NAME = "MAIL_FROM_NAME";
    static final String COMMISSIONER = "MAIL_COMMISSIONER";
    static final String PARTNER = "MAIL_PARTNER";
    static final String CONTACT_NAME = "MAIL_CONTACT_NAME";
    static final String CONTACT_EMAIL = "MAIL_CONTACT_EMAIL";
    /** The most mails a second; through SES a run goes no faster than the account's MaxSendRate either. */
    static final String MAILS_PER_SECOND = "MAILS_PER_SECOND";

    private MailerSettings() {
    }

    static MailingSettings fromEnvironment(Map<String, String> environment) {
        MailSettings content = new MailSettings(required(environment, COMMISSIONER), required(environment, PARTNER),
                required(environment, CONTACT_NAME), required(environment, CONTACT_EMAIL));
        OutgoingMail.Sender from = new OutgoingMail.Sender(required(environment, FROM_ADDRESS),
                required(environment, FROM_NAME));
        String rate = required(environment, MAILS_PER_SECOND);
        try {
            return new MailingSettings(content, from, Double.parseDouble(rate));
        } catch (NumberFormatException e) {
            throw new IllegalStateException(MAILS_PER_SECOND + " is not a number: " + rate, e);
        }
    }
}
