package no.ks.barometer.local;

import no.ks.barometer.local.template.SamTemplate;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An event the stack does not serve is skipped, with a line at start naming the function, the event and its type. */
class UnservedEventsTest {

    @Test
    void eachUnservedEventIsNamedWithItsFunctionAndType() {
        SamTemplate template = SamTemplate.parse("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                  Mailer:
                    Type: AWS::Serverless::Function
                    Properties:
                      CodeUri: functions/mailer/target/function.jar
                      Handler: no.example.Mailer::handleRequest
                      Events:
                        Bounces:
                          Type: SNS
                          Properties:
                            Topic: arn:aws:sns:eu-north-1:000000000000:bounces
                        Outbox:
                          Type: SQS
                          Properties:
                            Queue: arn:aws:sqs:eu-north-1:000000000000:outbox
                        Send:
                          Type: HttpApi
                          Properties:
                            Method: POST
                            Path: /v1/admin/mailings
                """);
        assertEquals(List.of(
                "Hoppes over: Mailer.Events.Bounces (SNS): den lokale stakken serverer ikke SNS-hendelser, så Mailer"
                        + " kjører ikke på dem her.",
                "Hoppes over: Mailer.Events.Outbox (SQS): den lokale stakken serverer ikke SQS-hendelser, så Mailer"
                        + " kjører ikke på dem her."), LocalStack.unservedEventNotes(template));
    }

    @Test
    void theStackSaysAtStartThatSesBouncesAndComplaintsDoNotReachItsFunctionHere() {
        SamTemplate template = SamTemplate.read(ProjectRoot.above(Path.of("")).orElseThrow()
                .resolve(ProjectRoot.TEMPLATE));

        assertTrue(LocalStack.unservedEventNotes(template).contains("Hoppes over: SesEventsFunction.Events.MailFeedback"
                + " (EventBridgeRule): den lokale stakken serverer ikke EventBridgeRule-hendelser, så"
                + " SesEventsFunction kjører ikke på dem her."), LocalStack.unservedEventNotes(template).toString());
    }

    @Test
    void templateWithOnlyServedEventsHasNoNotes() {
        assertEquals(List.of(), LocalStack.unservedEventNotes(SamTemplate.parse("""
                Resources:
                  Table:
                    Type: AWS::DynamoDB::Table
                """)));
    }
}
