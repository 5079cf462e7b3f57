package no.ks.barometer.systemtests;

import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.respondent.ResponseFinder;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad request gets its 4xx problem body, and the stored responses are exactly as before. The main
 * response has pages q0 to q2 saved with Q2 = Ja, so it is at version 3 and q3 is next; the second has Q2 = Vet
 * ikke, so its next page is the open-text question Q28.
 */
@ExtendWith(DynamoDbLocal.class)
class BadInputTest {

    private static RespondentClient api;
    private static String token;
    private static String textToken;
    private static String otherToken;
    private static final String INVALID_TOKEN_CHALLENGE = "Bearer realm=\"barometer\", error=\"invalid_token\"";
    private static final String ORG = "3101";
    private static final String TEXT_ORG = "1401";
    private static final String OTHER_ORG = "1402";
    private Map<String, Map<String, AttributeValue>> before;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        api = new RespondentClient(table, "bad-input");
        token = api.invite(Organisations.halden());
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");
        api.put(token, "q2", 2, "{\"Q2\":{\"choice\":1}}");
        textToken = api.invite(Organisations.kommuner(Integer.parseInt(TEXT_ORG), 1).get(0));
        api.put(textToken, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(textToken, "q1", 1, "{\"Q1\":{\"choice\":1}}");
        api.put(textToken, "q2", 2, "{\"Q2\":{\"choice\":3}}");
        otherToken = api.invite(Organisations.kommuner(Integer.parseInt(OTHER_ORG), 1).get(0));
        Map<String, String> pages = Pages.worksWithInnovation(true);
        long version = 0;
        for (String page : List.of("q0", "q1", "q2", "q3")) {
            version = api.put(otherToken, page, version, pages.get(page)).version();
        }
    }

    @BeforeEach
    void remember() {
        before = Map.of(ORG, api.item(ORG), TEXT_ORG, api.item(TEXT_ORG), OTHER_ORG, api.item(OTHER_ORG));
        assertEquals("3", before.get(ORG).get("version").n());
        assertEquals("3", before.get(TEXT_ORG).get("version").n());
        assertEquals("4", before.get(OTHER_ORG).get("version").n());
    }

    @AfterEach
    void nothingWasStored() {
        before.forEach((org, item) -> assertEquals(item, api.item(org), org));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"version\":3,\"answers\":{\"Q3\":{\"choice\":2}}",
            "{\"version\":3,\"answers\":{\"Q3\":{\"choice\":2}}} trailing",
            "[3, {}]",
            "\"just text\"",
            "{\"answers\":{\"Q3\":{\"choice\":2}}}",
            "{\"version\":3}",
            "{\"version\":\"3\",\"answers\":{}}",
            "{\"version\":3.5,\"answers\":{}}",
            "{\"version\":-1,\"answers\":{}}",
            "{\"version\":99999999999999999999999,\"answers\":{}}",
            "{\"version\":null,\"answers\":{}}",
            "{\"version\":3,\"answers\":[]}",
            "{\"version\":3,\"answers\":\"Q3=2\"}",
            "{\"version\":3,\"answers\":{},\"page\":\"q3\"}",
            "{\"version\":3,\"version\":3,\"answers\":{}}",
            "{\"version\":3,\"answers\":{\"Q3\\udc00\":{\"choice\":2}}}"
    })
    void malformedBodyIs400(String body) {
        Reply reply = api.putRaw(token, "q3", body, "application/json");

        assertEquals(400, reply.status(), reply.raw());
        assertProblem(reply, "malformed-request");
    }

    @Test
    void malformedSubmitBodyIs400() {
        assertEquals(400, api.submitRaw(token, "{\"version\":\"3\"}", "application/json").status());
        assertEquals(400, api.submitRaw(token, "{\"version\":3,\"force\":true}", "application/json").status());
        assertEquals(400, api.submitRaw(token, "{", "application/json").status());
    }

    @Test
    void answerOfTheWrongShapeIs422() {
        Reply reply = api.put(token, "q3", 3, "{\"Q3\":{\"choices\":[2]}}");

        assertValidation(reply, "Q3", "WRONG_ANSWER_TYPE");
        assertEquals(1, reply.body().get("errors").size());
    }

    @Test
    void answerThatIsNotAnObjectIs422() {
        assertValidation(api.put(token, "q3", 3, "{\"Q3\":2}"), "Q3", "WRONG_ANSWER_TYPE");
    }

    @Test
    void unknownPageIs404() {
        Reply reply = api.put(token, "q99", 3, "{}");

        assertEquals(404, reply.status());
        assertProblem(reply, "page-not-found");
    }

    @Test
    void unknownQuestionIs422() {
        assertValidation(api.put(token, "q3", 3, "{\"Q3\":{\"choice\":2},\"Q99\":{\"choice\":1}}"),
                "Q99", "UNKNOWN_QUESTION");
    }

    @Test
    void answerToAQuestionOfAnotherPageIs422() {
        assertValidation(api.put(token, "q3", 3, "{\"Q3\":{\"choice\":2},\"Q5\":{\"choice\":1}}"),
                "Q5", "QUESTION_NOT_ON_PAGE");
    }

    @Test
    void answerToAHiddenQuestionIs422() {
        // Q6 is asked only when Q2 = Nei: its page cannot be saved while Q2 = Ja.
        Reply reply = api.put(token, "q6", 3, "{\"Q6\":{\"choices\":[1]}}");

        assertEquals(422, reply.status());
        assertEquals("PAGE_NOT_REACHABLE", reply.body().get("errors").get(0).get("code").textValue());
    }

    @Test
    void unknownOptionIs422() {
        assertValidation(api.put(token, "q3", 3, "{\"Q3\":{\"choice\":42}}"), "Q3", "UNKNOWN_OPTION");
    }

    @Test
    void requiredQuestionLeftOutIs422() {
        assertValidation(api.put(token, "q3", 3, "{}"), "Q3", "REQUIRED");
    }

    @Test
    void bodyOver64KiBIs413() {
        String huge = "{\"version\":3,\"answers\":{\"Q3\":{\"choice\":2,\"other\":\"" + "x".repeat(70_000) + "\"}}}";

        Reply reply = api.putRaw(token, "q3", huge, "application/json");

        assertEquals(413, reply.status());
        assertProblem(reply, "payload-too-large");
    }

    @Test
    void bodyThatIsNotJsonByMediaTypeIs415() {
        Reply reply = api.putRaw(token, "q3", "version=3", "application/x-www-form-urlencoded");

        assertEquals(415, reply.status());
        assertProblem(reply, "unsupported-media-type");
        assertEquals(415, api.submitRaw(token, "{\"version\":3}", "text/plain").status());
    }

    @Test
    void textOverTheLimitIs422() {
        String tooLong = "å".repeat(4001);

        assertValidation(api.put(textToken, "q28", 3, "{\"Q28\":{\"text\":\"" + tooLong + "\"}}"),
                "Q28", "TEXT_TOO_LONG");
    }

    @Test
    void textAtTheLimitIsNotRefusedForItsLength() {
        Reply reply = api.put(textToken, "q28", 3, "{\"Q28\":{\"text\":\"" + "å".repeat(4000) + "\"},\"Q99\":{}}");

        assertValidation(reply, "Q99", "UNKNOWN_QUESTION");
        assertEquals(1, reply.body().get("errors").size(), reply.raw());
    }

    @Test
    void otherTextOverTheLimitIs422() {
        assertValidation(api.put(otherToken, "q4", 4,
                "{\"Q4\":{\"choices\":[1,10],\"other\":\"" + "x".repeat(501) + "\"}}"), "Q4", "OTHER_TEXT_TOO_LONG");
    }

    @Test
    void otherTextWithoutItsOptionIs422() {
        assertValidation(api.put(otherToken, "q4", 4, "{\"Q4\":{\"choices\":[1],\"other\":\"Eget fond\"}}"),
                "Q4", "OTHER_TEXT_NOT_ALLOWED");
    }

    @Test
    void exclusiveOptionCombinedWithAnotherIs422() {
        assertValidation(api.put(otherToken, "q4", 4, "{\"Q4\":{\"choices\":[1,11]}}"), "Q4", "EXCLUSIVE_CONFLICT");
    }

    @Test
    void sameOptionTwiceIs422() {
        assertValidation(api.put(otherToken, "q4", 4, "{\"Q4\":{\"choices\":[2,2]}}"), "Q4", "DUPLICATE_CHOICE");
    }

    @Test
    void controlCharactersAre422() {
        assertValidation(api.put(textToken, "q28", 3, "{\"Q28\":{\"text\":\"Linje 1\\u0007Linje 2\"}}"),
                "Q28", "INVALID_CHARACTERS");
        assertValidation(api.put(textToken, "q28", 3, "{\"Q28\":{\"text\":\"Null\\u0000tegn\"}}"),
                "Q28", "INVALID_CHARACTERS");
    }

    @Test
    void unpairedSurrogateInAnOpenAnswerIs422ForItsQuestion() {
        assertValidation(api.put(textToken, "q28", 3, "{\"Q28\":{\"text\":\"Fint \\ud800\"}}"),
                "Q28", "INVALID_CHARACTERS");
        assertValidation(api.put(otherToken, "q4", 4, "{\"Q4\":{\"choices\":[10],\"other\":\"\\udc00\"}}"),
                "Q4", "INVALID_CHARACTERS");
    }

    @Test
    void answersToAPageOfTheOtherBranchAre422() {
        Reply reply = api.put(textToken, "q3", 3, "{\"Q3\":{\"choice\":1}}");

        assertEquals(422, reply.status());
        assertEquals("PAGE_NOT_REACHABLE", reply.body().get("errors").get(0).get("code").textValue());
    }

    @Test
    void fiveThousandChoicesGetOneErrorPerQuestionAndCode() {
        StringJoiner choices = new StringJoiner(",");
        for (int i = 0; i < 5000; i++) {
            choices.add(String.valueOf(1000 + i));
        }

        Reply reply = api.put(otherToken, "q4", 4, "{\"Q4\":{\"choices\":[" + choices + "]}}");

        assertValidation(reply, "Q4", "UNKNOWN_OPTION");
        Set<String> kinds = new HashSet<>();
        for (var error : reply.body().get("errors")) {
            assertTrue(kinds.add(error.get("question").asText() + " " + error.get("code").asText()), error.toString());
        }
        assertTrue(reply.body().path("omittedErrors").intValue() >= 4999, reply.text("omittedErrors"));
        assertTrue(reply.raw().length() < 2_000, reply.raw().length() + " characters");
    }

    @Test
    void errorsStopAtTheCapAndTheBodySaysHowManyWereLeftOut() {
        StringJoiner answers = new StringJoiner(",", "{", "}");
        answers.add("\"Q4\":{\"choices\":[1]}");
        for (int i = 0; i < 2000; i++) {
            answers.add("\"X" + i + "\":{\"choice\":1}");
        }

        Reply reply = api.put(otherToken, "q4", 4, answers.toString());

        assertValidation(reply, "X0", "UNKNOWN_QUESTION");
        assertEquals(ApiProblem.MAX_ERRORS, reply.body().get("errors").size());
        assertEquals(2000 - ApiProblem.MAX_ERRORS, reply.body().path("omittedErrors").intValue());
        assertTrue(reply.text("detail").contains(String.valueOf(2000 - ApiProblem.MAX_ERRORS)), reply.text("detail"));
    }

    @Test
    void completeListOfErrorsSaysNothingWasLeftOut() {
        Reply reply = api.put(otherToken, "q4", 4, "{\"Q4\":{\"choices\":[1,11]},\"Q99\":{\"choice\":1}}");

        assertEquals(422, reply.status());
        assertEquals(2, reply.body().get("errors").size(), reply.raw());
        assertFalse(reply.body().has("omittedErrors"), reply.raw());
    }

    @Test
    void staleVersionIs409WithTheCurrentResponse() {
        Reply reply = api.put(token, "q3", 2, "{\"Q3\":{\"choice\":2}}");

        assertEquals(409, reply.status());
        assertProblem(reply, "version-conflict");
        assertEquals(3, reply.body().get("current").get("version").intValue());
        assertEquals(1, reply.body().get("current").get("answers").get("Q2").get("choice").intValue());
    }

    @Test
    void versionFromTheFutureIs409() {
        assertEquals(409, api.put(token, "q3", 7, "{\"Q3\":{\"choice\":2}}").status());
    }

    @Test
    void everyBadTokenGetsTheSame401() {
        Survey survey = api.survey;
        String revoked = api.invite(Organisations.kommuner(1201, 1).get(0));
        api.invitations.revoke(survey, "1201");
        String replaced = api.invite(Organisations.kommuner(1202, 1).get(0));
        api.invitations.reissue(survey, "1202", RespondentClient.VALIDITY);
        String expired = new no.ks.barometer.invitation.InvitationService(
                new no.ks.barometer.store.DynamoInvitationStore(api.table.client(), api.table.tableName()),
                new no.ks.barometer.testing.MutableClock(api.clock.instant().minus(Duration.ofDays(2))))
                .invite(survey, Organisations.kommuner(1203, 1).get(0), Duration.ofDays(1)).token();

        List<String> bad = List.of(Tokens.newToken(), revoked, replaced, expired, "not-a-token", "", "a".repeat(500));
        List<Reply> replies = bad.stream().map(api::get).toList();

        for (Reply reply : replies) {
            assertEquals(401, reply.status());
            assertEquals(replies.get(0).raw(), reply.raw());
            assertProblem(reply, "invalid-token");
        }
        assertEquals(replies.get(0).raw(), api.get(null).raw());
        for (String badToken : bad) {
            assertEquals(replies.get(0).raw(), api.put(badToken, "q0", 0, "{\"Q0\":{\"choice\":1}}").raw());
            assertEquals(replies.get(0).raw(), api.submit(badToken, 0).raw());
        }
        assertEquals("INVITED", api.item("1201").get("status").s());
    }

    @Test
    void everyRefusedTokenIsChallengedAsInvalid() {
        String revoked = api.invite(Organisations.kommuner(1204, 1).get(0));
        api.invitations.revoke(api.survey, "1204");

        for (String badToken : List.of(Tokens.newToken(), revoked, "not-a-token", "a".repeat(500))) {
            for (Reply reply : List.of(api.get(badToken), api.put(badToken, "q0", 0, "{\"Q0\":{\"choice\":1}}"),
                    api.submit(badToken, 0))) {
                assertEquals(401, reply.status(), reply.raw());
                assertEquals(INVALID_TOKEN_CHALLENGE, reply.headers().get("WWW-Authenticate"), badToken);
            }
        }
    }

    /** RFC 6750, 3: a request that presents no token gets the challenge without an error code. */
    @Test
    void requestWithoutATokenIsChallengedWithoutAnError() {
        for (String noToken : Arrays.asList(null, "")) {
            for (Reply reply : List.of(api.get(noToken), api.put(noToken, "q0", 0, "{\"Q0\":{\"choice\":1}}"),
                    api.submit(noToken, 0))) {
                assertEquals(401, reply.status(), reply.raw());
                assertEquals("Bearer realm=\"barometer\"", reply.headers().get("WWW-Authenticate"));
            }
        }
    }

    @Test
    void closedSurveyIsAClearRefusal() {
        Survey open = api.survey;
        api.surveys.put(Surveys.closed(open));
        api.clock.advance(ResponseFinder.SURVEY_REFRESH);
        try {
            Reply save = api.put(token, "q3", 3, "{\"Q3\":{\"choice\":2}}");
            Reply read = api.get(token);

            assertEquals(403, save.status());
            assertProblem(save, "survey-closed");
            assertEquals(403, read.status());
            assertEquals(403, api.submit(token, 3).status());
        } finally {
            api.surveys.put(open);
            api.clock.advance(ResponseFinder.SURVEY_REFRESH);
        }
    }

    @Test
    void surveyPastItsClosingTimeIsClosed() {
        Survey open = api.survey;
        api.surveys.put(new Survey(open.id(), open.title(), open.questionnaireId(), open.questionnaireVersion(),
                SurveyState.OPEN, open.opensAt(), api.clock.instant().plusSeconds(10), open.linkBaseUrl()));
        api.clock.advance(ResponseFinder.SURVEY_REFRESH);
        try {
            assertEquals(403, api.put(token, "q3", 3, "{\"Q3\":{\"choice\":2}}").status());
        } finally {
            api.surveys.put(open);
            api.clock.advance(ResponseFinder.SURVEY_REFRESH);
        }
    }

    private static void assertValidation(Reply reply, String question, String code) {
        assertEquals(422, reply.status(), reply.raw());
        assertProblem(reply, "validation-failed");
        boolean found = false;
        for (var error : reply.body().get("errors")) {
            found |= question.equals(error.get("question").asText()) && code.equals(error.get("code").asText());
            assertTrue(!error.get("message").asText().isBlank());
        }
        assertTrue(found, reply.raw());
    }

    private static void assertProblem(Reply reply, String slug) {
        assertEquals("application/problem+json", reply.headers().get("Content-Type"));
        assertEquals("no-store", reply.headers().get("Cache-Control"));
        assertEquals("nosniff", reply.headers().get("X-Content-Type-Options"));
        assertEquals("urn:barometer:problem:" + slug, reply.problemType());
        assertEquals(reply.status(), reply.body().get("status").intValue());
        assertTrue(!reply.body().get("title").asText().isBlank());
        assertTrue(!reply.body().get("detail").asText().isBlank());
    }
}
