package no.ks.barometer.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import no.ks.barometer.functions.mailer.MailerHandler;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.keys.LinkKeyFile;
import no.ks.barometer.mail.MailRefusedException;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingPlanner;
import no.ks.barometer.store.DynamoInvitationStore;
import no.ks.barometer.store.DynamoMailingStore;
import no.ks.barometer.store.SurveyDao;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.MutableClock;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mailer's policy in template.yaml grants exactly the DynamoDB actions its handler calls (a mailing run once
 * until a mail it cannot make, whose claim it gives back), on the table only; its SES and KMS grants name one
 * identity and the link key, but for reading the account's sending quota, which IAM ties to no resource; the admin API may invoke only the mailer, create schedules only in the mailings' group
 * and pass only the role those schedules run as, to the scheduler only.
 */
@ExtendWith(DynamoDbLocal.class)
class TemplateMailingPermissionsTest {

    private static final Set<String> CALLED = new TreeSet<>();
    private static JsonNode template;

    @TempDir
    static Path dir;

    @BeforeAll
    static void runAMailing(DynamoDbLocal.LocalTable table) throws IOException {
        template = new YAMLMapper().readTree(Repository.root().resolve("template.yaml").toFile());
        MutableClock clock = new MutableClock(Surveys.START.plus(Duration.ofDays(1)));
        Survey survey = Surveys.open("permissions-mailing");
        new SurveyDao(table.client(), table.tableName()).put(survey);
        Path key = dir.resolve("link-key");
        // Mailed in number order: the two mails go out, the third cannot be made, so its claim is given back.
        Organisation unmailable = new Organisation("9999", "Adresseløs kommune", OrgType.KOMMUNE, "46", "Vestland",
                1_000, Maalform.BOKMAAL, List.of("ikke en adresse"));
        new InvitationService(new DynamoInvitationStore(table.client(), table.tableName()), LinkKeyFile.load(key),
                clock).inviteAll(survey, List.of(Organisations.halden(), Organisations.oestfold(), unmailable),
                Duration.ofDays(90));
        new MailingPlanner(new DynamoMailingStore(table.client(), table.tableName()), clock)
                .register(survey, Mailing.toEveryOpen("invitasjon", MailKind.INVITATION));
        MailerHandler mailer = new MailerHandler(StorageCalls.recordingIamActions(table,
                TemplateMailingPermissionsTest::called), table.tableName(), clock, Map.of(
                "LINK_KEY_FILE", key.toString(), "OUTBOX_DIR", dir.resolve("outbox").toString(),
                "MAIL_FROM_ADDRESS", "innovasjonsbarometer@ks.example", "MAIL_FROM_NAME", "KS",
                "MAIL_COMMISSIONER", "KS", "MAIL_PARTNER", "Analysepartner AS", "MAIL_CONTACT_NAME", "brukerstøtten",
                "MAIL_CONTACT_EMAIL", "support@partner.example", "MAILS_PER_SECOND", "1000"));

        assertThrows(MailRefusedException.class, () -> mailer.run(survey.id(), "invitasjon"));
        try (var mails = Files.list(dir.resolve("outbox"))) {
            assertEquals(2, mails.filter(mail -> mail.toString().endsWith(".eml")).count());
        }
    }

    private static void called(String action) {
        synchronized (CALLED) {
            CALLED.add(action);
        }
    }

    @Test
    void mailerMayCallExactlyTheDynamoDbActionsItsHandlerCallsOnTheTableOnly() {
        Set<String> allowed = new TreeSet<>();
        for (JsonNode statement : statements("MailerFunction")) {
            if (statement.path("Action").toString().contains("dynamodb:")) {
                statement.path("Action").forEach(action -> allowed.add(action.asText()));
                assertEquals(List.of("BarometerTable", "Arn"), new YAMLMapper().convertValue(
                        statement.path("Resource").path("Fn::GetAtt"), List.class));
            }
        }
        assertEquals(CALLED, allowed);
    }

    @Test
    void mailerMaySendOnlyAsTheOneSesIdentityWithTheOneConfigurationSetReadTheQuotaAndMacOnlyWithTheLinkKey() {
        assertEquals(Map.of(
                        "[\"ses:SendEmail\",\"ses:SendRawEmail\"]",
                        "[{\"Fn::Sub\":\"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:identity/${MailIdentity}\"},"
                                + "{\"Fn::Sub\":\"arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}:"
                                + "configuration-set/${MailConfigurationSet}\"}]",
                        "\"ses:GetAccount\"", "\"*\"",
                        "\"kms:GenerateMac\"", "{\"Fn::GetAtt\":[\"LinkKey\",\"Arn\"]}"),
                grants("MailerFunction", "ses:", "kms:"));
    }

    @Test
    void adminApiMayInvokeOnlyTheMailerScheduleOnlyInTheMailingsGroupAndPassOnlyTheScheduleRole() {
        String mailer = "arn:${AWS::Partition}:lambda:${AWS::Region}:${AWS::AccountId}:function:${MailerFunction}:live";
        assertEquals(Map.of(
                        "\"lambda:InvokeFunction\"", "{\"Fn::Sub\":\"" + mailer + "\"}",
                        "\"scheduler:CreateSchedule\"", "{\"Fn::Sub\":\"arn:${AWS::Partition}:scheduler:${AWS::Region}:"
                                + "${AWS::AccountId}:schedule/${MailerScheduleGroup}/*\"}",
                        "\"iam:PassRole\"", "{\"Fn::GetAtt\":[\"MailerScheduleRole\",\"Arn\"]}",
                        "\"kms:GenerateMac\"", "{\"Fn::GetAtt\":[\"LinkKey\",\"Arn\"]}"),
                grants("AdminApiFunction", "lambda:", "scheduler:", "iam:", "kms:"));
        JsonNode passRole = statements("AdminApiFunction").stream()
                .filter(s -> s.path("Action").asText().equals("iam:PassRole")).findFirst().orElseThrow();
        assertEquals("scheduler.amazonaws.com",
                passRole.at("/Condition/StringEquals/iam:PassedToService").asText());
        JsonNode role = template.at("/Resources/MailerScheduleRole/Properties");
        assertEquals("scheduler.amazonaws.com",
                role.at("/AssumeRolePolicyDocument/Statement/0/Principal/Service").asText());
        JsonNode invoke = role.at("/Policies/0/PolicyDocument/Statement");
        assertEquals(1, invoke.size());
        assertEquals("lambda:InvokeFunction", invoke.at("/0/Action").asText());
        assertEquals(mailer, invoke.at("/0/Resource/Fn::Sub").asText());
    }

    /** Action to resource of each statement of the function whose actions start with one of the prefixes. */
    private static Map<String, String> grants(String function, String... prefixes) {
        Map<String, String> grants = new java.util.HashMap<>();
        for (JsonNode statement : statements(function)) {
            String actions = statement.path("Action").toString();
            for (String prefix : prefixes) {
                if (actions.contains("\"" + prefix)) {
                    assertEquals("Allow", statement.path("Effect").asText());
                    grants.put(actions, statement.path("Resource").toString());
                }
            }
        }
        return grants;
    }

    private static List<JsonNode> statements(String function) {
        JsonNode policies = template.path("Resources").path(function).path("Properties").path("Policies");
        assertTrue(policies.isArray() && !policies.isEmpty(), function + " declares no policies");
        List<JsonNode> statements = new ArrayList<>();
        policies.forEach(policy -> policy.path("Statement").forEach(statements::add));
        return statements;
    }
}
