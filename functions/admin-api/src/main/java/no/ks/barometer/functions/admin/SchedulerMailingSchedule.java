package no.ks.barometer.functions.admin;

import no.ks.barometer.aws.LambdaClients;
import no.ks.barometer.aws.Variables;
import no.ks.barometer.mailing.MailingSchedule;
import software.amazon.awssdk.services.scheduler.SchedulerClient;
import software.amazon.awssdk.services.scheduler.model.ActionAfterCompletion;
import software.amazon.awssdk.services.scheduler.model.FlexibleTimeWindowMode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;

/**
 * A one-time EventBridge Scheduler schedule ({@code at(…)}, UTC) in the stack's schedule group that invokes the
 * mailer with the mailing, through a role that may invoke only the mailer, and deletes itself once it has run.
 */
final class SchedulerMailingSchedule implements MailingSchedule {

    static final String GROUP_VARIABLE = "MAILER_SCHEDULE_GROUP";
    static final String ROLE_VARIABLE = "MAILER_SCHEDULE_ROLE_ARN";
    /** Set by the local stack only: where it takes the Scheduler's CreateSchedule calls. */
    static final String ENDPOINT_VARIABLE = "SCHEDULER_ENDPOINT";

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private final SchedulerClient client;
    private final String group;
    private final String role;
    private final String mailer;

    private SchedulerMailingSchedule(SchedulerClient client, String group, String role, String mailer) {
        this.client = client;
        this.group = group;
        this.role = role;
        this.mailer = mailer;
    }

    static SchedulerMailingSchedule fromEnvironment(Map<String, String> environment) {
        return new SchedulerMailingSchedule(LambdaClients.configure(SchedulerClient.builder(), environment,
                ENDPOINT_VARIABLE, LambdaClients.SOCKET_TIMEOUT).build(),
                Variables.required(environment, GROUP_VARIABLE), Variables.required(environment, ROLE_VARIABLE),
                Variables.required(environment, LambdaMailerTrigger.FUNCTION_VARIABLE));
    }

    @Override
    public void runAt(String surveyId, String mailingId, Instant at) {
        client.createSchedule(request -> request
                .name(name(surveyId, mailingId))
                .groupName(group)
                .scheduleExpression("at(" + AT.format(at.truncatedTo(ChronoUnit.SECONDS)) + ")")
                .scheduleExpressionTimezone("UTC")
                .flexibleTimeWindow(window -> window.mode(FlexibleTimeWindowMode.OFF))
                .actionAfterCompletion(ActionAfterCompletion.DELETE)
                .target(target -> target.arn(mailer).roleArn(role).input(MailerEvent.json(surveyId, mailingId))));
    }

    /** At most 64 characters whatever the ids' length, and one name per mailing. */
    static String name(String surveyId, String mailingId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((surveyId + "#" + mailingId).getBytes(StandardCharsets.UTF_8));
            return "mailing-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
