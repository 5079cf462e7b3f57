package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mailing routes hand the sending to the mailer through the real SDK clients: a start is one asynchronous
 * Lambda invocation naming the mailing, a scheduled mailing one one-time schedule; both are audited, and nothing is
 * invoked or scheduled for a refused request.
 */
@ExtendWith(DynamoDbLocal.class)
class MailingRoutesTest {

    private static final AtomicInteger SURVEYS = new AtomicInteger();
    @TempDir
    static Path keys;
    private static RecordingAws aws;
    private static AdminSeed seed;
    private String survey;
    private int callsBefore;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) throws IOException {
        aws = new RecordingAws();
        seed = AdminSeed.withMailing(table, aws, keys.resolve("link-key"));
    }

    @AfterAll
    static void stopAws() {
        aws.close();
    }

    @BeforeEach
    void openSeededSurvey() throws IOException {
        survey = "mailing-" + SURVEYS.incrementAndGet();
        seed.prepare("mailing-dry-run", survey, "");
        callsBefore = aws.calls().size();
    }

    @Test
    void startIsOneAsynchronousInvocationOfTheMailerNamingTheMailingAndIsAudited() throws IOException {
        JsonNode accepted = seed.send("mailing-start", survey, "", 202).json();
        assertEquals("invitasjon", accepted.path("mailingId").asText());

        List<RecordingAws.Call> calls = newCalls();
        assertEquals(1, calls.size(), calls.toString());
        RecordingAws.Call invoke = calls.get(0);
        assertEquals("/lambda/2015-03-31/functions/arn:aws:lambda:eu-north-1:123456789012:function:barometer-mailer:live"
                + "/invocations", invoke.path());
        assertEquals("Event", invoke.invocationType());
        assertEquals(survey, invoke.body().path("surveyId").asText());
        assertEquals("invitasjon", invoke.body().path("mailingId").asText());
        assertTrue(auditActions().contains("MAILING_STARTED"), auditActions().toString());
    }

    @Test
    void scheduledReminderIsOneTimeScheduleAtThatInstantInUtcInvokingTheMailerThroughItsRole() throws IOException {
        seed.send("mailing-schedule", survey, "", 202);

        List<RecordingAws.Call> calls = newCalls();
        assertEquals(1, calls.size(), calls.toString());
        RecordingAws.Call create = calls.get(0);
        assertEquals("/scheduler/schedules/" + SchedulerMailingSchedule.name(survey, "paaminnelse-september"),
                create.path());
        JsonNode body = create.body();
        assertEquals("at(2026-09-15T06:00:00)", body.path("ScheduleExpression").asText());
        assertEquals("UTC", body.path("ScheduleExpressionTimezone").asText());
        assertEquals("barometer-test-mailings", body.path("GroupName").asText());
        assertEquals("DELETE", body.path("ActionAfterCompletion").asText());
        assertEquals("OFF", body.path("FlexibleTimeWindow").path("Mode").asText());
        assertEquals("arn:aws:lambda:eu-north-1:123456789012:function:barometer-mailer:live",
                body.path("Target").path("Arn").asText());
        assertEquals("arn:aws:iam::123456789012:role/barometer-mailer-schedule",
                body.path("Target").path("RoleArn").asText());
        assertEquals("{\"surveyId\":\"" + survey + "\",\"mailingId\":\"paaminnelse-september\"}",
                body.path("Target").path("Input").asText());
        assertTrue(auditActions().contains("MAILING_SCHEDULED"), auditActions().toString());
        assertEquals("reminder", seed.send("mailings", survey, "", 200).json()
                .at("/mailings/0/kind").asText());
    }

    @Test
    void refusedStartsAndSchedulesInvokeAndScheduleNothing() throws IOException {
        seed.send("mailing-schedule-past", survey, "", 400);
        seed.send("mailing-dry-run-bad-kind", survey, "", 400);
        seed.send("mailing-start", survey, "", 202);
        seed.send("mailing-start-id-taken", survey, "", 409);

        assertEquals(1, newCalls().size(), "only the one accepted start invokes the mailer");
    }

    @Test
    void dryRunOfAReminderLeavesOutTheCompletedResponseAndSaysWhy() throws IOException {
        JsonNode plan = seed.send("mailing-dry-run", survey, "", 200).json();

        List<String> recipients = new ArrayList<>();
        plan.path("recipients").forEach(r -> recipients.add(r.path("orgNumber").asText()));
        assertEquals(List.of("31", "3103"), recipients);
        assertEquals("3101", plan.at("/excluded/0/orgNumber").asText());
        assertEquals("completed", plan.at("/excluded/0/reason").asText());
        assertTrue(newCalls().isEmpty(), "a dry run sends and invokes nothing");
    }

    private List<RecordingAws.Call> newCalls() {
        List<RecordingAws.Call> all = aws.calls();
        return all.subList(callsBefore, all.size());
    }

    private List<String> auditActions() throws IOException {
        List<String> actions = new ArrayList<>();
        seed.send("audit", survey, "", 200).json().path("entries")
                .forEach(entry -> actions.add(entry.path("action").asText()));
        return actions;
    }
}
