package no.ks.barometer.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import no.ks.barometer.respondent.ResponseFinder;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Respondents answer the 2024 questionnaire through the handlers, on DynamoDB Local. */
@ExtendWith(DynamoDbLocal.class)
class RespondentJourneyTest {

    private static RespondentClient api;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        api = new RespondentClient(table, "journey");
    }

    @Test
    void kommuneThatWorksWithInnovationAnswersEveryPageAndSubmits() {
        String token = api.invite(Organisations.halden());

        Walk walk = walk(token, Pages.worksWithInnovation(true));

        assertEquals(Pages.YES_BRANCH, walk.pages());
        assertEquals(27, walk.last().version());
        assertEquals(100, walk.last().body().get("progress").get("percent").intValue());
        Reply submitted = api.submit(token, 27);
        assertEquals(200, submitted.status());
        assertEquals("COMPLETED", submitted.text("status"));
        assertNotNull(submitted.text("submittedAt"));
        assertEquals(28, submitted.version());
        JsonNode answers = submitted.body().get("answers");
        assertEquals("b", answers.get("Q12").get("rows").get("3").textValue());
        assertEquals("Eget innovasjonsfond", answers.get("Q4").get("other").textValue());
        assertFalse(answers.has("Q24"));
    }

    @Test
    void fylkeskommuneSeesItsOwnRowsAndOptions() {
        String token = api.invite(Organisations.oestfold());

        Walk walk = walk(token, Pages.worksWithInnovation(false));

        assertEquals(Pages.YES_BRANCH, walk.pages());
        assertEquals(200, api.submit(token, walk.last().version()).status());
        JsonNode stored = api.get(token).body();
        assertEquals("fylkeskommune", stored.get("organisation").get("type").textValue());
        assertEquals("[3,5]", stored.get("answers").get("Q20").get("choices").toString());
    }

    @Test
    void everyReplyWithTheResponseSaysWhatTheSavedAnswersShow() {
        String token = api.invite(Organisations.kommuner(1140, 1).get(0));
        Reply opened = api.get(token);
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");
        Reply saved = api.put(token, "q2", 2, "{\"Q2\":{\"choice\":1}}");
        Reply conflict = api.put(token, "q2", 2, "{\"Q2\":{\"choice\":2}}");
        Reply declined = api.put(token, "q0", 3, "{\"Q0\":{\"choice\":2}}");

        assertEquals("[\"q0\",\"q1\",\"q2\",\"q28\"]", visiblePages(opened.body()));
        assertEquals("[1,2,3]", opened.body().get("visible").get("pages").get(0).get("questions").get(0)
                .get("options").toString());
        JsonNode q12 = saved.body().get("visible").get("pages").findParents("id").stream()
                .filter(question -> "Q12".equals(question.get("id").textValue())).findFirst().orElseThrow();
        assertEquals("[1,3]", q12.get("rows").toString());
        assertEquals("[]", q12.get("options").toString());
        assertTrue(saved.body().get("visible").get("ended").isNull());
        assertEquals(visiblePages(saved.body()), visiblePages(conflict.body().get("current")));
        assertEquals("[\"q0\"]", visiblePages(declined.body()));
        assertEquals("DECLINED", declined.body().get("visible").get("ended").textValue());
    }

    private static String visiblePages(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("visible").get("pages").forEach(page -> ids.add(page.get("id").textValue()));
        return RespondentClient.JSON.valueToTree(ids).toString();
    }

    @Test
    void answersComeInQuestionnaireOrderInEveryReply() {
        String token = api.invite(Organisations.kommuner(1141, 1).get(0));

        Walk walk = walk(token, Pages.worksWithInnovation(true));

        List<String> expected = walk.pages().stream().map(page -> "Q" + page.substring(1))
                .filter(id -> walk.last().body().get("answers").has(id)).toList();
        assertEquals(expected, answerIds(walk.last().body()));
        assertEquals(expected, answerIds(api.get(token).body()));
        assertEquals(expected, answerIds(api.submit(token, walk.last().version()).body()));
    }

    @Test
    void submittedResponseCanBeReadButNotChangedAfterTheSurveyClosed() {
        String token = api.invite(Organisations.kommuner(1142, 1).get(0));
        long version = walk(token, Pages.doesNotKnow()).last().version();
        assertEquals(200, api.submit(token, version).status());
        var open = api.survey;
        api.surveys.put(Surveys.closed(open));
        api.clock.advance(ResponseFinder.SURVEY_REFRESH);
        try {
            Reply read = api.get(token);
            Reply save = api.put(token, "q28", version + 1, "{\"Q28\":{\"text\":\"Etterpå\"}}");

            assertEquals(200, read.status(), read.raw());
            assertEquals("COMPLETED", read.text("status"));
            assertTrue(read.body().get("nextPage").isNull());
            assertEquals(403, save.status());
            assertEquals(403, api.submit(token, version + 1).status());
        } finally {
            api.surveys.put(open);
            api.clock.advance(ResponseFinder.SURVEY_REFRESH);
        }
    }

    private static List<String> answerIds(JsonNode response) {
        List<String> ids = new ArrayList<>();
        response.get("answers").fieldNames().forEachRemaining(ids::add);
        return ids;
    }

    @Test
    void kommuneIsRefusedAnOptionOnlyForFylkeskommuner() {
        String token = api.invite(Organisations.kommuner(1101, 1).get(0));
        Map<String, String> pages = Pages.worksWithInnovation(true);
        pages.put("q20", "{\"Q20\":{\"choices\":[3]}}");

        Reply refused = walkUntilRefused(token, pages);

        assertEquals(422, refused.status());
        assertEquals("OPTION_NOT_OFFERED", refused.body().get("errors").get(0).get("code").textValue());
    }

    @Test
    void withoutInnovationButWithPlansTheFutureQuestionsAreAsked() {
        String token = api.invite(Organisations.kommuner(1103, 1).get(0));

        Walk walk = walk(token, Pages.doesNotWorkWithInnovation(1));

        assertEquals(List.of("q0", "q1", "q2", "q6", "q7", "q8", "q9", "q28"), walk.pages());
        assertEquals(200, api.submit(token, walk.last().version()).status());
    }

    @Test
    void withoutInnovationAndWithoutPlansOnlyTheLastPageFollows() {
        String token = api.invite(Organisations.kommuner(1106, 1).get(0));

        Walk walk = walk(token, Pages.doesNotWorkWithInnovation(2));

        assertEquals(List.of("q0", "q1", "q2", "q6", "q7", "q28"), walk.pages());
        Reply submitted = api.submit(token, walk.last().version());
        assertEquals("COMPLETED", submitted.text("status"));
    }

    @Test
    void notKnowingWhetherInnovationIsWorkedOnSkipsToTheEnd() {
        String token = api.invite(Organisations.kommuner(1108, 1).get(0));

        Walk walk = walk(token, Pages.doesNotKnow());

        assertEquals(List.of("q0", "q1", "q2", "q28"), walk.pages());
        assertEquals(200, api.submit(token, walk.last().version()).status());
    }

    @Test
    void changingQ2FromYesToNoRemovesTheYesBranchInTheSameWrite() {
        String token = api.invite(Organisations.kommuner(1111, 1).get(0));
        Map<String, String> yes = Pages.worksWithInnovation(true);
        long version = 0;
        for (String page : List.of("q0", "q1", "q2", "q3", "q4", "q5")) {
            version = api.put(token, page, version, yes.get(page)).version();
        }

        Reply changed = api.put(token, "q2", version, "{\"Q2\":{\"choice\":2}}");

        assertEquals(200, changed.status());
        assertEquals(version + 1, changed.version());
        assertEquals(Set.of("Q3", "Q4", "Q5"), strings(changed.body().get("removedQuestions")));
        assertEquals(Set.of("Q0", "Q1", "Q2"), fieldNames(changed.body().get("answers")));
        assertEquals("q6", changed.text("nextPage"));
        assertEquals("[\"q0\",\"q1\",\"q2\"]", changed.body().get("savedPages").toString());
        assertEquals(Set.of("Q0", "Q1", "Q2"), api.item("1111").get("answers").m().keySet());
    }

    @Test
    void respondentWhoLeavesFindsTheirAnswersAndTheNextPage() {
        String token = api.invite(Organisations.kommuner(1114, 1).get(0));
        Map<String, String> pages = Pages.worksWithInnovation(true);
        long version = 0;
        for (String page : List.of("q0", "q1", "q2", "q3")) {
            version = api.put(token, page, version, pages.get(page)).version();
        }

        Reply resumed = api.get(token);

        assertEquals(200, resumed.status());
        assertEquals("IN_PROGRESS", resumed.text("status"));
        assertEquals(4, resumed.version());
        assertEquals("q4", resumed.text("nextPage"));
        assertEquals(2, resumed.body().get("answers").get("Q3").get("choice").intValue());
        assertEquals("[\"q0\",\"q1\",\"q2\",\"q3\"]", resumed.body().get("savedPages").toString());
        assertEquals(4, resumed.body().get("progress").get("done").intValue());
        assertNotNull(resumed.text("startedAt"));
        assertNotNull(resumed.text("lastSavedAt"));
        assertEquals("no-store", resumed.headers().get("Cache-Control"));
    }

    @Test
    void firstLookMarksTheResponseOpenedAndChangesNoVersion() {
        String token = api.invite(Organisations.kommuner(1119, 1).get(0));
        assertEquals("INVITED", api.item("1119").get("status").s());

        Reply first = api.get(token);

        assertEquals("OPENED", first.text("status"));
        assertEquals(0, first.version());
        assertEquals("q0", first.text("nextPage"));
        assertTrue(first.body().get("startedAt").isNull());
        assertEquals("innovasjonsbarometer-2024", first.body().get("questionnaire").get("id").textValue());
        assertEquals("OPENED", api.item("1119").get("status").s());
        assertNotNull(api.item("1119").get("openedAt"));
        assertEquals("OPENED", api.get(token).text("status"));
    }

    @Test
    void twoTabsSavingTheSamePageLoseNothing() {
        String token = api.invite(Organisations.kommuner(1120, 1).get(0));
        long seen = api.get(token).version();

        Reply first = api.put(token, "q0", seen, "{\"Q0\":{\"choice\":1}}");
        Reply second = api.put(token, "q0", seen, "{\"Q0\":{\"choice\":1}}");
        Reply stale = api.put(token, "q1", seen, "{\"Q1\":{\"choice\":3}}");

        assertEquals(200, first.status());
        assertEquals(200, second.status());
        assertEquals(409, stale.status());
        assertEquals("urn:barometer:problem:version-conflict", stale.problemType());
        JsonNode current = stale.body().get("current");
        assertEquals(1, current.get("version").longValue());
        assertEquals(1, current.get("answers").get("Q0").get("choice").intValue());
        assertEquals("q1", current.get("nextPage").textValue());
        Reply retried = api.put(token, "q1", current.get("version").longValue(), "{\"Q1\":{\"choice\":3}}");
        assertEquals(200, retried.status());
        assertEquals(Set.of("Q0", "Q1"), fieldNames(retried.body().get("answers")));
    }

    @Test
    void tabWithOtherAnswersForTheSamePageGetsTheCurrentStateInstead() {
        String token = api.invite(Organisations.kommuner(1121, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        Reply other = api.put(token, "q1", 1, "{\"Q1\":{\"choice\":2}}");

        assertEquals(409, other.status());
        assertEquals(1, other.body().get("current").get("answers").get("Q1").get("choice").intValue());
        assertEquals("2", api.item("1121").get("version").n());
    }

    @Test
    void identicalRetryOfAPageSaveAnswersTheSameAndStoresNothingTwice() {
        String token = api.invite(Organisations.kommuner(1122, 1).get(0));
        Map<String, String> yes = Pages.worksWithInnovation(true);
        long version = 0;
        for (String page : List.of("q0", "q1", "q2", "q3")) {
            version = api.put(token, page, version, yes.get(page)).version();
        }
        Reply original = api.put(token, "q2", version, "{\"Q2\":{\"choice\":3}}");
        var stored = api.item("1122");
        api.clock.advance(Duration.ofSeconds(5));

        Reply retry = api.put(token, "q2", version, "{ \"Q2\" : { \"choice\" : 3 } }");

        assertEquals(200, retry.status());
        assertEquals(original.body(), retry.body());
        assertEquals(Set.of("Q3"), strings(retry.body().get("removedQuestions")));
        assertEquals(stored, api.item("1122"));
    }

    @Test
    void identicalRetryOfASubmitAnswersTheSameAndStoresNothingTwice() {
        String token = api.invite(Organisations.kommuner(1124, 1).get(0));
        Walk walk = walk(token, Pages.doesNotKnow());
        Reply original = api.submit(token, walk.last().version());
        var stored = api.item("1124");
        api.clock.advance(Duration.ofMinutes(1));

        Reply retry = api.submit(token, walk.last().version());

        assertEquals(200, retry.status());
        assertEquals(original.body(), retry.body());
        assertEquals(stored, api.item("1124"));
        assertEquals(Long.toString(walk.last().version() + 1), stored.get("version").n());
    }

    @Test
    void retryOfAnOlderSaveAfterANewerOneIsAConflict() {
        String token = api.invite(Organisations.kommuner(1125, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");

        Reply old = api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");

        assertEquals(409, old.status());
        assertEquals(2, old.body().get("current").get("version").longValue());
    }

    @Test
    void decliningEndsTheResponse() {
        String token = api.invite(Organisations.kommuner(1127, 1).get(0));

        Reply declined = api.put(token, "q0", 0, "{\"Q0\":{\"choice\":2}}");

        assertEquals(200, declined.status());
        assertEquals("DECLINED", declined.text("status"));
        assertTrue(declined.body().get("nextPage").isNull());
        assertNotNull(api.item("1127").get("endedAt"));
        assertClosed(token, 1);
    }

    @Test
    void wrongRecipientEndsTheResponse() {
        String token = api.invite(Organisations.kommuner(1128, 1).get(0));
        api.get(token);

        Reply wrong = api.put(token, "q0", 0, "{\"Q0\":{\"choice\":3}}");

        assertEquals(200, wrong.status());
        assertEquals("WRONG_RECIPIENT", wrong.text("status"));
        assertTrue(wrong.body().get("nextPage").isNull());
        assertClosed(token, 1);
    }

    @Test
    void submitBeforeEverythingIsAnsweredIsRefusedWithWhatIsMissing() {
        String token = api.invite(Organisations.kommuner(1130, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        var stored = api.item("1130");

        Reply refused = api.submit(token, 1);

        assertEquals(422, refused.status());
        assertEquals("urn:barometer:problem:validation-failed", refused.problemType());
        assertTrue(refused.body().get("errors").size() > 0);
        assertEquals("REQUIRED", refused.body().get("errors").get(0).get("code").textValue());
        assertFalse(refused.body().get("errors").get(0).get("message").textValue().isBlank());
        assertEquals(stored, api.item("1130"));
    }

    @Test
    void submittedResponseIsReadOnly() {
        String token = api.invite(Organisations.kommuner(1132, 1).get(0));
        Walk walk = walk(token, Pages.doesNotKnow());
        long version = api.submit(token, walk.last().version()).version();
        var stored = api.item("1132");

        Reply change = api.put(token, "q28", version, "{\"Q28\":{\"text\":\"Endret meg\"}}");
        Reply again = api.submit(token, version);

        assertEquals(409, change.status());
        assertEquals("urn:barometer:problem:response-closed", change.problemType());
        assertEquals(409, again.status());
        assertEquals(stored, api.item("1132"));
        Reply read = api.get(token);
        assertEquals("COMPLETED", read.text("status"));
        assertTrue(read.body().get("nextPage").isNull());
    }

    @Test
    void pageThatIsNotReachableYetIsRefused() {
        String token = api.invite(Organisations.kommuner(1134, 1).get(0));
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        var stored = api.item("1134");

        Reply skipped = api.put(token, "q2", 1, "{\"Q2\":{\"choice\":1}}");

        assertEquals(422, skipped.status());
        assertEquals("PAGE_NOT_REACHABLE", skipped.body().get("errors").get(0).get("code").textValue());
        assertEquals(stored, api.item("1134"));
    }

    private static void assertClosed(String token, long version) {
        var stored = api.item(api.get(token).body().get("organisation").get("number").textValue());
        Reply change = api.put(token, "q0", version, "{\"Q0\":{\"choice\":1}}");
        assertEquals(409, change.status());
        assertEquals("urn:barometer:problem:response-closed", change.problemType());
        assertEquals(409, api.submit(token, version).status());
        assertEquals(stored, api.item(stored.get("orgNumber").s()));
    }

    private record Walk(List<String> pages, Reply last) {
    }

    /** Answers page after page, always the page the API names next, until none is left. */
    private static Walk walk(String token, Map<String, String> answers) {
        Reply reply = api.get(token);
        List<String> visited = new ArrayList<>();
        while (!reply.body().get("nextPage").isNull()) {
            String page = reply.text("nextPage");
            assertTrue(answers.containsKey(page), "asked for unexpected page " + page);
            visited.add(page);
            reply = api.put(token, page, reply.version(), answers.get(page));
            assertEquals(200, reply.status(), reply.raw());
            assertEquals("IN_PROGRESS", reply.text("status"));
        }
        return new Walk(visited, reply);
    }

    private static Reply walkUntilRefused(String token, Map<String, String> answers) {
        Reply reply = api.get(token);
        while (reply.status() == 200 && !reply.body().get("nextPage").isNull()) {
            long version = reply.version();
            reply = api.put(token, reply.text("nextPage"), version, answers.get(reply.text("nextPage")));
        }
        return reply;
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(value.textValue()));
        return values;
    }

    private static Set<String> fieldNames(JsonNode object) {
        Set<String> names = new TreeSet<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
