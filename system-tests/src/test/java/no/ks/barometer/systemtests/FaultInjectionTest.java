package no.ks.barometer.systemtests;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.systemtests.Faults.Kind;
import no.ks.barometer.systemtests.Faults.Moment;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * When DynamoDB throttles, times out or loses a reply, the respondent is told to try again (503 with
 * {@code Retry-After}), the same request tried again succeeds, and the item holds exactly what one save stores:
 * nothing half-written, nothing saved twice. Each faulty organisation is compared with a control organisation that
 * made the same requests without faults.
 */
@ExtendWith(DynamoDbLocal.class)
class FaultInjectionTest {

    private static final String Q0 = "{\"Q0\":{\"choice\":1}}";
    /** What tells two organisations' items apart when their respondents did the same. */
    private static final Set<String> IDENTITY = Set.of("pk", "sk", "orgNumber", "orgName", "orgType", "countyNumber",
            "countyName", "population", "maalform", "contactEmails", "tokenHash");
    private static final AtomicInteger NEXT_ORGANISATION = new AtomicInteger(2001);

    private static final Faults FAULTS = new Faults();
    private static RespondentClient api;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        api = new RespondentClient(table, "faults", function -> FAULTS.client(table));
    }

    @AfterEach
    void heal() {
        FAULTS.heal();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pageSaveThatStorageRefusesIsAnswered503AndTheRetrySavesOnce(Kind kind) {
        Respondent faulty = Respondent.invited();
        Respondent control = Respondent.invited();
        Reply expected = api.put(control.token(), "q0", 0, Q0);
        Map<String, AttributeValue> before = faulty.item();

        FAULTS.injectUntilHealed("UpdateItem", Moment.BEFORE_SENDING, kind);
        assertTryAgain(api.put(faulty.token(), "q0", 0, Q0));
        assertEquals(before, faulty.item());
        FAULTS.heal();
        Reply retried = api.put(faulty.token(), "q0", 0, Q0);

        assertEquals(200, retried.status(), retried.raw());
        assertEquals(expected.body().get("answers"), retried.body().get("answers"));
        assertSameAsControl(control, faulty);
    }

    @ParameterizedTest
    @EnumSource(value = Kind.class, names = {"ATTEMPT_TIMED_OUT", "CONNECTION_LOST"})
    void pageSaveWhoseReplyIsLostIsAnswered503AndTheRetryIsRecognisedNotSavedAgain(Kind kind) {
        Respondent faulty = Respondent.invited();
        Respondent control = Respondent.invited();
        Reply expected = api.put(control.token(), "q0", 0, Q0);

        FAULTS.injectUntilHealed("UpdateItem", Moment.AFTER_DYNAMODB_ANSWERED, kind);
        assertTryAgain(api.put(faulty.token(), "q0", 0, Q0));
        assertEquals("1", faulty.item().get("version").n(), "the write happened once, the SDK's retries were refused");
        FAULTS.heal();
        Reply retried = api.put(faulty.token(), "q0", 0, Q0);

        assertEquals(200, retried.status(), retried.raw());
        assertEquals(1, retried.version());
        assertEquals(expected.body().get("answers"), retried.body().get("answers"));
        assertEquals(expected.body().get("nextPage"), retried.body().get("nextPage"));
        assertSameAsControl(control, faulty);
    }

    /** A reply lost once, or two throttled attempts: the SDK's retries get through, nothing is saved twice. */
    @ParameterizedTest
    @CsvSource({"AFTER_DYNAMODB_ANSWERED, CONNECTION_LOST, 1", "BEFORE_SENDING, THROTTLED, 2"})
    void briefFaultIsRiddenOutByTheSdkWithoutASecondWrite(Moment moment, Kind kind, int failedAttempts) {
        Respondent faulty = Respondent.invited();
        Respondent control = Respondent.invited();
        api.put(control.token(), "q0", 0, Q0);

        FAULTS.inject("UpdateItem", moment, kind, failedAttempts);
        Reply reply = api.put(faulty.token(), "q0", 0, Q0);

        assertEquals(200, reply.status(), reply.raw());
        assertEquals(1, reply.version());
        assertEquals(failedAttempts + 1, FAULTS.attempts("UpdateItem"));
        assertSameAsControl(control, faulty);
    }

    @ParameterizedTest
    @EnumSource(Moment.class)
    void submitThatFailsIsAnswered503AndTheRetrySubmitsOnce(Moment moment) {
        Respondent faulty = Respondent.invited();
        Respondent control = Respondent.invited();
        long version = faulty.answerEveryPage();
        control.answerEveryPage();
        Reply expected = api.submit(control.token(), version);

        FAULTS.injectUntilHealed("UpdateItem", moment, Kind.CONNECTION_LOST);
        assertTryAgain(api.submit(faulty.token(), version));
        FAULTS.heal();
        Reply retried = api.submit(faulty.token(), version);

        assertEquals(200, retried.status(), retried.raw());
        assertEquals("COMPLETED", retried.text("status"));
        assertEquals(expected.version(), retried.version());
        assertSameAsControl(control, faulty);
    }

    @Test
    void throttledTokenLookUpIsAnswered503AndChangesNothing() {
        Respondent faulty = Respondent.invited();
        Map<String, AttributeValue> before = faulty.item();

        FAULTS.injectUntilHealed("GetItem", Moment.BEFORE_SENDING, Kind.THROTTLED);
        assertTryAgain(api.get(faulty.token()));
        assertTryAgain(api.put(faulty.token(), "q0", 0, Q0));
        assertEquals(before, faulty.item());
        FAULTS.heal();

        assertEquals(200, api.get(faulty.token()).status());
    }

    /**
     * Lambda stops a function at its Timeout and API Gateway then answers with an error of its own, without
     * {@code Retry-After}; the handler must give up on storage and answer first, with time left for the rest of
     * the request.
     */
    @Test
    void storageThatStaysThrottledIsAnswered503WithinHalfTheFunctionTimeout() throws IOException {
        Duration functionTimeout = Duration.ofSeconds(new YAMLMapper()
                .readTree(Repository.root().resolve("template.yaml").toFile())
                .path("Globals").path("Function").path("Timeout").asLong());
        Respondent faulty = Respondent.invited();

        FAULTS.injectUntilHealed("GetItem", Moment.BEFORE_SENDING, Kind.THROTTLED);
        long start = System.nanoTime();
        Reply reply = api.get(faulty.token());
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertTryAgain(reply);
        assertTrue(took.compareTo(functionTimeout.dividedBy(2)) < 0,
                "answered after " + took.toMillis() + " ms and " + FAULTS.attempts("GetItem")
                        + " attempts; the function's Timeout is " + functionTimeout);
    }

    private static void assertTryAgain(Reply reply) {
        assertEquals(503, reply.status(), reply.raw());
        assertEquals("urn:barometer:problem:service-unavailable", reply.problemType());
        assertTrue(Integer.parseInt(reply.headers().get("Retry-After")) > 0, reply.headers().toString());
    }

    private static void assertSameAsControl(Respondent control, Respondent faulty) {
        assertEquals(withoutIdentity(control.item()), withoutIdentity(faulty.item()));
    }

    private static Map<String, AttributeValue> withoutIdentity(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> response = new HashMap<>(item);
        response.keySet().removeAll(IDENTITY);
        return response;
    }

    /** An organisation invited for one test, with its token. */
    private record Respondent(Organisation organisation, String token) {

        static Respondent invited() {
            Organisation organisation = Organisations.kommuner(NEXT_ORGANISATION.getAndIncrement(), 1).get(0);
            return new Respondent(organisation, api.invite(organisation));
        }

        Map<String, AttributeValue> item() {
            return api.item(organisation.number());
        }

        /** Saves every page of the shortest way through the questionnaire; returns the version to submit. */
        long answerEveryPage() {
            long version = 0;
            for (Map.Entry<String, String> page : Pages.doesNotKnow().entrySet()) {
                Reply saved = api.put(token, page.getKey(), version, page.getValue());
                assertEquals(200, saved.status(), saved.raw());
                version = saved.version();
            }
            return version;
        }
    }
}
