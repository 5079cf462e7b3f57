package no.ks.barometer.local.schedule;

import com.amazonaws.services.lambda.runtime.events.ScheduledEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.local.functions.LocalFunction;
import no.ks.barometer.local.functions.LocalFunctions;
import no.ks.barometer.local.schedule.handlers.MapRecorder;
import no.ks.barometer.local.schedule.handlers.ScheduledEventRecorder;
import no.ks.barometer.local.template.SamFunction;
import no.ks.barometer.local.template.SamTemplate;
import no.ks.barometer.local.template.TemplateException;
import no.ks.barometer.local.template.ValueResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The template's schedules invoke their functions with EventBridge's events when a moved clock says they are due,
 * and on request; what the local scheduler cannot time is named and still runs on request.
 */
class LocalSchedulerTest {

    private static final Instant START = Instant.parse("2026-11-30T22:07:30Z");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String TEMPLATE = """
            Resources:
              Table:
                Type: AWS::DynamoDB::Table
              SnapshotFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.schedule.handlers.MapRecorder::handleRequest
                  Events:
                    Quarterly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(15 minutes)
                    Nightly:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 2 * * ? *)
                        ScheduleExpressionTimezone: Europe/Oslo
                        Input: '{"kind":"nightly","at":"<aws.scheduler.scheduled-time>","arn":"<aws.scheduler.schedule-arn>"}'
                    Paused:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(1 minute)
                        State: DISABLED
                    LastDay:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: cron(0 12 L * ? *)
              RuleFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.schedule.handlers.ScheduledEventRecorder::handleRequest
                  Events:
                    Hourly:
                      Type: Schedule
                      Properties:
                        Schedule: rate(1 hour)
              FailingFunction:
                Type: AWS::Serverless::Function
                Properties:
                  CodeUri: unused.jar
                  Handler: no.ks.barometer.local.http.handlers.FailingHandler::handleRequest
                  Events:
                    Often:
                      Type: ScheduleV2
                      Properties:
                        ScheduleExpression: rate(20 minutes)
            """;

    private MutableClock clock;
    private ByteArrayOutputStream printed;
    private LocalScheduler scheduler;

    @BeforeEach
    void reset() {
        MapRecorder.EVENTS.clear();
        ScheduledEventRecorder.EVENTS.clear();
        clock = new MutableClock(START);
        printed = new ByteArrayOutputStream();
    }

    @AfterEach
    void stop() {
        if (scheduler != null) {
            scheduler.stop();
        }
    }

    private LocalScheduler scheduler(String yaml, Duration tick) {
        SamTemplate template = SamTemplate.parse(yaml);
        Map<String, LocalFunction> functions = LocalFunctions.load(template,
                new ValueResolver(template, Map.of("Table", "t"), "eu-north-1"), Map.of(), null, "t", clock);
        scheduler = new LocalScheduler(LocalSchedule.allOf(template), functions, clock,
                new PrintStream(printed, true, StandardCharsets.UTF_8), tick);
        return scheduler;
    }

    private LocalScheduler started() {
        LocalScheduler started = scheduler(TEMPLATE, Duration.ofDays(1));
        started.start();
        return started;
    }

    @Test
    void nothingRunsBeforeItIsDue() {
        LocalScheduler scheduler = started();
        assertEquals(List.of(), scheduler.runDue(START.plus(Duration.ofMinutes(14))));
        assertTrue(MapRecorder.EVENTS.isEmpty());
    }

    @Test
    void dueScheduleGetsEventBridgeSchedulersDefaultEvent() throws Exception {
        LocalScheduler scheduler = started();
        List<LocalScheduler.Run> runs = scheduler.runDue(START.plus(Duration.ofMinutes(15)));
        assertEquals(List.of("SnapshotFunctionQuarterly"), runs.stream().map(run -> run.schedule().name()).toList());
        Map<String, Object> event = MapRecorder.EVENTS.poll();
        assertNotNull(event);
        assertEquals("0", event.get("version"));
        assertEquals("Scheduled Event", event.get("detail-type"));
        assertEquals("aws.scheduler", event.get("source"));
        assertEquals("000000000000", event.get("account"));
        assertEquals("eu-north-1", event.get("region"));
        assertEquals("2026-11-30T22:22:30Z", event.get("time"), "the time it was due");
        assertEquals(List.of("arn:aws:scheduler:eu-north-1:000000000000:schedule/default/SnapshotFunctionQuarterly"),
                event.get("resources"));
        assertEquals("{}", event.get("detail"), "EventBridge Scheduler sends the detail as a string");
        assertEquals(Map.of("handled", "SnapshotFunction"),
                JSON.readValue(((LocalScheduler.Succeeded) runs.getFirst().result()).output(), Map.class));
        assertEquals(START.plus(Duration.ofMinutes(30)), scheduler.nextRun("SnapshotFunctionQuarterly").orElseThrow());
    }

    @Test
    void inputReplacesTheEventWithItsContextAttributesFilledIn() {
        LocalScheduler scheduler = started();
        // 02:00 in Oslo is 01:00 UTC in winter.
        Instant nightly = Instant.parse("2026-12-01T01:00:00Z");
        assertEquals(nightly, scheduler.nextRun("SnapshotFunctionNightly").orElseThrow());
        scheduler.runDue(nightly);
        Map<String, Object> event = MapRecorder.EVENTS.stream()
                .filter(e -> "nightly".equals(e.get("kind"))).findFirst().orElseThrow();
        assertEquals(Map.of("kind", "nightly", "at", "2026-12-01T01:00:00Z",
                "arn", "arn:aws:scheduler:eu-north-1:000000000000:schedule/default/SnapshotFunctionNightly"), event);
    }

    @Test
    void scheduledRuleGivesTheAwsEventClassItsFields() {
        LocalScheduler scheduler = started();
        scheduler.runDue(START.plus(Duration.ofHours(1)));
        ScheduledEvent event = ScheduledEventRecorder.EVENTS.poll();
        assertNotNull(event);
        assertEquals("aws.events", event.getSource());
        assertEquals("Scheduled Event", event.getDetailType());
        assertEquals(List.of("arn:aws:events:eu-north-1:000000000000:rule/RuleFunctionHourly"),
                event.getResources());
        assertEquals(START.plus(Duration.ofHours(1)).toEpochMilli(), event.getTime().getMillis());
        assertEquals(Map.of(), event.getDetail());
    }

    @Test
    void scheduleDueSeveralTimesWhileTheClockJumpedRunsOnceAndContinuesAfterNow() {
        LocalScheduler scheduler = started();
        Instant later = START.plus(Duration.ofMinutes(50));
        long quarterly = scheduler.runDue(later).stream()
                .filter(run -> run.schedule().name().equals("SnapshotFunctionQuarterly")).count();
        assertEquals(1, quarterly);
        assertEquals(START.plus(Duration.ofMinutes(60)), scheduler.nextRun("SnapshotFunctionQuarterly").orElseThrow());
    }

    @Test
    void schedulerThreadRunsWhatTheMovedClockMadeDue() throws Exception {
        LocalScheduler scheduler = scheduler(TEMPLATE, Duration.ofMillis(20));
        scheduler.start();
        assertEquals(null, MapRecorder.EVENTS.poll(200, TimeUnit.MILLISECONDS));
        clock.advance(Duration.ofMinutes(15));
        Map<String, Object> event = MapRecorder.EVENTS.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "the quarterly schedule ran once the clock passed it");
        assertEquals("2026-11-30T22:22:30Z", event.get("time"));
    }

    @Test
    void disabledAndUnsupportedSchedulesAreNotTimedButRunOnRequest() {
        LocalScheduler scheduler = started();
        Map<String, LocalSchedule.Timing> timings = scheduler.schedules().stream()
                .collect(Collectors.toMap(LocalSchedule::name, LocalSchedule::timing));
        assertInstanceOf(LocalSchedule.Untimed.class, timings.get("SnapshotFunctionPaused"));
        LocalSchedule.Untimed lastDay = assertInstanceOf(LocalSchedule.Untimed.class,
                timings.get("SnapshotFunctionLastDay"));
        assertTrue(lastDay.reason().contains("støttes ikke lokalt"), lastDay.reason());
        assertTrue(scheduler.nextRun("SnapshotFunctionPaused").isEmpty());
        assertTrue(scheduler.runDue(START.plus(Duration.ofDays(40))).stream()
                .noneMatch(run -> run.schedule().name().equals("SnapshotFunctionPaused")
                        || run.schedule().name().equals("SnapshotFunctionLastDay")));

        MapRecorder.EVENTS.clear();
        LocalScheduler.Run run = scheduler.run("SnapshotFunctionPaused").orElseThrow();
        assertInstanceOf(LocalScheduler.Succeeded.class, run.result());
        assertEquals("aws.scheduler", MapRecorder.EVENTS.poll().get("source"));
        assertTrue(scheduler.run("NoSuchSchedule").isEmpty());
    }

    @Test
    void failingFunctionIsReportedAndTheScheduleGoesOn() {
        LocalScheduler scheduler = started();
        LocalScheduler.Run run = scheduler.runDue(START.plus(Duration.ofMinutes(20))).stream()
                .filter(r -> r.schedule().name().equals("FailingFunctionOften")).findFirst().orElseThrow();
        assertInstanceOf(LocalScheduler.Failed.class, run.result());
        assertTrue(printed.toString(StandardCharsets.UTF_8).contains("Tidsplan FailingFunctionOften: "
                + "FailingFunction feilet"), printed.toString(StandardCharsets.UTF_8));
        assertEquals(START.plus(Duration.ofMinutes(40)), scheduler.nextRun("FailingFunctionOften").orElseThrow());
    }

    @Test
    void invalidExpressionOrInputIsRefusedNamingFunctionAndEvent() {
        for (String properties : List.of("ScheduleExpression: rate(5 minute)",
                "ScheduleExpression: rate(5 minutes)\nInput: not json",
                "ScheduleExpression: cron(0 2 * * ? *)\nScheduleExpressionTimezone: Mars/Olympus")) {
            SamTemplate template = SamTemplate.parse("""
                    Resources:
                      Table:
                        Type: AWS::DynamoDB::Table
                      Job:
                        Type: AWS::Serverless::Function
                        Properties:
                          CodeUri: unused.jar
                          Handler: no.example.Job::handleRequest
                          Events:
                            Tick:
                              Type: ScheduleV2
                              Properties:
                                %s
                    """.formatted(properties.replace("\n", "\n" + " ".repeat(12))));
            SamFunction job = template.function("Job").orElseThrow();
            TemplateException e = assertThrows(TemplateException.class,
                    () -> LocalSchedule.of(job, job.scheduleEvents().getFirst()), properties);
            assertTrue(e.getMessage().contains("Job.Events.Tick"), e.getMessage());
        }
    }

    @Test
    void eventIsJsonForAStreamHandlerToo() throws Exception {
        LocalScheduler scheduler = scheduler(TEMPLATE.replace(
                "no.ks.barometer.local.schedule.handlers.MapRecorder::handleRequest",
                "no.ks.barometer.local.http.handlers.StreamEchoHandler::handleRequest"), Duration.ofDays(1));
        LocalScheduler.Run run = scheduler.run("SnapshotFunctionQuarterly").orElseThrow();
        JsonNode answer = JSON.readTree(((LocalScheduler.Succeeded) run.result()).output());
        assertEquals("aws.scheduler", JSON.readTree(answer.path("body").asText()).path("source").asText());
    }
}
