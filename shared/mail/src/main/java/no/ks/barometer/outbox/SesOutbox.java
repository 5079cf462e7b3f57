package no.ks.barometer.outbox;

import no.ks.barometer.aws.LambdaClients;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.OutgoingMail;
import no.ks.barometer.mail.Outbox;
import no.ks.barometer.mailing.SendingQuota;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.SesV2ClientBuilder;
import software.amazon.awssdk.services.sesv2.model.GetAccountResponse;
import software.amazon.awssdk.services.sesv2.model.SesV2Exception;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Sends through Amazon SES v2: {@code SendEmail} with the raw MIME bytes, so SES delivers exactly the message the
 * local outbox would write. The recipients are named in the request too, not only read from the headers. An
 * error answer from SES is a refusal ({@link MailRefusedException}); a failure on the way (a timeout, a lost
 * answer) leaves unknown whether SES took the mail. Every mail names the stack's configuration set, whose bounces
 * and complaints SES publishes back to the stack (functions/ses-events).
 */
public final class SesOutbox implements Outbox {

    /** Set only outside AWS (tests): where an SES-compatible endpoint listens. */
    public static final String ENDPOINT_VARIABLE = "SES_ENDPOINT";
    /** The SES configuration set (template.yaml's MailConfigurationSet); without it no bounce comes back. */
    public static final String CONFIGURATION_SET_VARIABLE = "SES_CONFIGURATION_SET";

    private final SesV2Client client;
    private final Optional<String> configurationSet;
    private final Clock clock;

    public SesOutbox(SesV2Client client, Optional<String> configurationSet, Clock clock) {
        this.client = client;
        this.configurationSet = configurationSet;
        this.clock = clock;
    }

    /** A client built for Lambda's cold start: url-connection HTTP, region and credentials from the environment. */
    public static SesOutbox fromEnvironment(Map<String, String> environment, Clock clock) {
        SesV2ClientBuilder builder = LambdaClients.configure(SesV2Client.builder(), environment, ENDPOINT_VARIABLE,
                        Duration.ofSeconds(10))
                // A retried SendEmail whose first answer was lost sends the mail twice; the mailing is retried
                // instead, and its claims keep every mail to at most once.
                .overrideConfiguration(configuration -> configuration.retryStrategy(AwsRetryStrategy.doNotRetry()));
        return new SesOutbox(builder.build(), Optional.ofNullable(environment.get(CONFIGURATION_SET_VARIABLE))
                .filter(s -> !s.isBlank()), clock);
    }

    /**
     * The account's sending quota now ({@code GetAccount}: {@code SendingEnabled} and {@code SendQuota.MaxSendRate}),
     * with the client that sends, so without retries: a mailer that cannot read it decides what to do. Throws
     * {@link SendingQuotaUnknownException} when SES does not answer or answers without a quota.
     */
    public SendingQuota sendingQuota() {
        GetAccountResponse account;
        try {
            account = client.getAccount(request -> { });
        } catch (SdkException failed) {
            throw new SendingQuotaUnknownException("SES GetAccount failed: " + failed.getMessage(), failed);
        }
        if (account.sendingEnabled() == null || account.sendQuota() == null
                || account.sendQuota().maxSendRate() == null) {
            throw new SendingQuotaUnknownException("SES GetAccount answered without SendingEnabled and"
                    + " SendQuota.MaxSendRate", null);
        }
        try {
            return new SendingQuota(account.sendingEnabled(), account.sendQuota().maxSendRate());
        } catch (IllegalArgumentException unusable) {
            throw new SendingQuotaUnknownException("SES GetAccount answered an unusable quota: "
                    + unusable.getMessage(), unusable);
        }
    }

    @Override
    public String send(OutgoingMail mail) {
        MimeMail mime = MimeMail.of(mail, clock.instant());
        try {
            return client.sendEmail(request -> request
                            .fromEmailAddress(mail.from().address())
                            .configurationSetName(configurationSet.orElse(null))
                            .destination(destination -> destination.toAddresses(mime.recipients()))
                            .content(content -> content.raw(raw -> raw.data(SdkBytes.fromByteArray(mime.bytes())))))
                    .messageId();
        } catch (SesV2Exception refused) {
            throw new MailRefusedException("SES refused mail " + mail.reference() + ": "
                    + refused.awsErrorDetails().errorCode(), refused);
        }
    }
}
