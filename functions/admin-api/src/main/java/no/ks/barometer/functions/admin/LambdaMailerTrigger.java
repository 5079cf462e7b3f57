package no.ks.barometer.functions.admin;

import no.ks.barometer.aws.LambdaClients;
import no.ks.barometer.aws.Variables;
import no.ks.barometer.mailing.MailerTrigger;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;

import java.util.Map;

/**
 * Starts the mailer with an asynchronous invocation ({@code Event}): Lambda queues it and answers at once, and
 * retries a failed run, which resumes (docs/decisions/0012-mailer-invoked-asynchronously.md).
 */
final class LambdaMailerTrigger implements MailerTrigger {

    /** The mailer function's ARN. */
    static final String FUNCTION_VARIABLE = "MAILER_FUNCTION_ARN";
    /** Set by the local stack only: where it takes Lambda's Invoke calls. */
    static final String ENDPOINT_VARIABLE = "LAMBDA_ENDPOINT";

    private final LambdaClient client;
    private final String function;

    private LambdaMailerTrigger(LambdaClient client, String function) {
        this.client = client;
        this.function = function;
    }

    static LambdaMailerTrigger fromEnvironment(Map<String, String> environment) {
        return new LambdaMailerTrigger(LambdaClients.configure(LambdaClient.builder(), environment, ENDPOINT_VARIABLE,
                LambdaClients.SOCKET_TIMEOUT).build(),
                Variables.required(environment, FUNCTION_VARIABLE));
    }

    @Override
    public void start(String surveyId, String mailingId) {
        int status = client.invoke(request -> request.functionName(function)
                        .invocationType(InvocationType.EVENT)
                        .payload(SdkBytes.fromUtf8String(MailerEvent.json(surveyId, mailingId))))
                .statusCode();
        if (status != 202) {
            throw new IllegalStateException("Lambda did not queue the mailer's invocation: status " + status);
        }
    }
}
