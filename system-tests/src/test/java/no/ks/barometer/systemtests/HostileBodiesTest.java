package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;
import no.ks.barometer.http.Json;
import no.ks.barometer.http.RequestRejected;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Page;
import no.ks.barometer.questionnaire.Question;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ParsedAnswers;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SaveOutcome;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated hostile bodies against the page-save and submit handlers on DynamoDB Local, and generated answers
 * against the rules engine: never a 5xx, and a refused request leaves every byte of the table as it was; what is
 * saved reads back as answered, and at least one page save in twenty gets through, so that the stored state moves.
 * Random JSON with the questionnaire's ids among junk keys, huge and odd numbers, any text (unpaired surrogates and
 * control characters too), deep nesting, invalid UTF-8, as text and as base64.
 *
 * <p>The number of tries per property is {@code jqwik.tries.default} in junit-platform.properties, kept small for
 * the test command; a longer run is in the README. The jqwik engine runs these next to Jupiter; the class name ends
 * in {@code Test} so that surefire's default includes find it.
 */
class HostileBodiesTest {

    /** Stands for the response's current version in a generated body; replaced when the request is sent. */
    private static final String CURRENT = "@V@";
    /** Stand for the page the response asks for next, and an honest answer to it. */
    private static final String NEXT_PAGE = "@P@";
    private static final String NEXT_ANSWERS = "@A@";
    private static final Map<String, String> HONEST_ANSWERS = honestAnswers();
    private static final Set<String> OPEN = Set.of("INVITED", "OPENED", "IN_PROGRESS");
    private static final Questionnaire QUESTIONNAIRE = QuestionnaireCatalog.fromClasspath()
            .current(Surveys.QUESTIONNAIRE).orElseThrow().questionnaire();
    private static final RulesEngine ENGINE = new RulesEngine(QUESTIONNAIRE);

    private static DynamoDbLocal.LocalTable table;
    private static RespondentClient api;
    private static int nextOrganisation = 4001;
    private static Respondent respondent;

    private record Respondent(String orgNumber, String token) {
    }

    @BeforeContainer
    static void start() {
        table = DynamoDbLocal.newTable();
        api = new RespondentClient(table, "hostile-bodies");
    }

    @AfterContainer
    static void stop() {
        DynamoDbLocal.drop(table);
    }

    @Property
    void pageSaveNeverFailsOnOurSideAndARefusalStoresNothing(@ForAll("pageSaves") Sent generated) {
        long version = openRespondentVersion();
        Sent sent = generated.honest() ? generated.answering(nextHonestPage()) : generated;
        APIGatewayV2HTTPEvent event = sent.event("PUT", "/v1/response/pages/{pageId}",
                "/v1/response/pages/" + sent.pageId(), respondent.token(), version);
        event.setPathParameters(Map.of("pageId", sent.pageId()));
        Map<String, Map<String, AttributeValue>> before = api.everyItem();

        Reply reply = Reply.of(api.savePage.handleRequest(event, null));

        assertSettled(reply, before);
        Statistics.collect(reply.status() == 200 ? "saved" : "refused");
        Statistics.coverage(coverage -> coverage.check("saved").percentage(share -> share >= 5));
        if (reply.status() == 200) {
            Reply read = api.get(respondent.token());
            assertEquals(200, read.status(), read.raw());
            assertEquals(reply.version(), read.version());
            assertEquals(reply.body().get("answers"), read.body().get("answers"), "what the save answered is stored");
        }
    }

    @Property
    void submitNeverFailsOnOurSideAndARefusalStoresNothing(@ForAll("submits") Sent sent) {
        long version = openRespondentVersion();
        APIGatewayV2HTTPEvent event = sent.event("POST", "/v1/response/submit", "/v1/response/submit",
                respondent.token(), version);
        Map<String, Map<String, AttributeValue>> before = api.everyItem();

        assertSettled(Reply.of(api.submit.handleRequest(event, null)), before);
    }

    /**
     * The rules engine, without the HTTP frame: any answers on any page, after a few pages answered, end in a
     * refusal or in a state that the engine reads back unchanged from what it would store.
     */
    @Property
    void rulesEngineStoresOnlyWhatItReadsBackUnchanged(@ForAll("answers") String answers,
                                                      @ForAll("pageIds") String pageId,
                                                      @ForAll OrgType orgType,
                                                      @ForAll("pagesAnsweredBefore") int answeredBefore) {
        JsonNode sent;
        try {
            sent = Json.readStrict(answers.getBytes(StandardCharsets.UTF_8));
        } catch (RequestRejected refusedByTheReader) {
            return;
        }
        ResponseState state = answeredPages(orgType, answeredBefore);
        ParsedAnswers parsed = AnswerCodec.read(QUESTIONNAIRE, sent);
        SaveOutcome outcome = ENGINE.savePage(orgType, state, pageId, parsed.answers());
        ENGINE.validate(orgType, outcome.state());
        ENGINE.progress(orgType, outcome.state());
        ENGINE.nextPage(orgType, outcome.state());
        if (parsed.problems().isEmpty() && outcome.problems().isEmpty()) {
            byte[] stored = Json.write(AnswerCodec.write(outcome.state().answers())).getBytes(StandardCharsets.UTF_8);
            ParsedAnswers readBack = AnswerCodec.read(QUESTIONNAIRE, Json.readStrict(stored));
            assertEquals(List.of(), readBack.problems());
            assertEquals(outcome.state().answers(), readBack.answers());
        }
    }

    private static ResponseState answeredPages(OrgType orgType, int count) {
        ResponseState state = ResponseState.empty();
        List<Map.Entry<String, String>> pages = new ArrayList<>(
                Pages.worksWithInnovation(orgType == OrgType.KOMMUNE).entrySet());
        for (Map.Entry<String, String> page : pages.subList(0, count)) {
            JsonNode answers = Json.readStrict(page.getValue().getBytes(StandardCharsets.UTF_8));
            SaveOutcome outcome = ENGINE.savePage(orgType, state, page.getKey(),
                    AnswerCodec.read(QUESTIONNAIRE, answers).answers());
            assertEquals(List.of(), outcome.problems(), page.getKey());
            state = outcome.state();
        }
        return state;
    }

    private static void assertSettled(Reply reply, Map<String, Map<String, AttributeValue>> before) {
        assertTrue(reply.status() < 500, reply.status() + " " + reply.raw());
        if (reply.status() >= 400) {
            assertEquals("application/problem+json", reply.headers().get("Content-Type"));
            assertEquals(before, api.everyItem(), "a refused request changed the table: " + reply.raw());
        }
    }

    /** The version of a response that still takes answers, inviting a new organisation once one is closed. */
    private static long openRespondentVersion() {
        Map<String, AttributeValue> item = respondent == null ? null : api.item(respondent.orgNumber());
        if (item == null || !OPEN.contains(item.get("status").s())) {
            Organisation organisation = Organisations.kommuner(nextOrganisation++, 1).get(0);
            respondent = new Respondent(organisation.number(), api.invite(organisation));
            return 0;
        }
        return Long.parseLong(item.get("version").n());
    }

    /** The page the response asks for next (the last page again once every page is saved), answered honestly. */
    private static Map.Entry<String, String> nextHonestPage() {
        String next = api.get(respondent.token()).text("nextPage");
        String page = next == null || !HONEST_ANSWERS.containsKey(next) ? "q28" : next;
        return Map.entry(page, HONEST_ANSWERS.get(page));
    }

    private static Map<String, String> honestAnswers() {
        Map<String, String> answers = new HashMap<>(Pages.doesNotWorkWithInnovation(1));
        answers.putAll(Pages.worksWithInnovation(true));
        return answers;
    }

    /**
     * A request as a client sent it: {@link #CURRENT} in {@code body} is the response's version when sent; {@code
     * bytes}, where present, are spliced into the body's UTF-8 at {@code at}, so the body is no longer text and
     * goes base64-encoded, as API Gateway hands over a body it cannot pass as text.
     */
    record Sent(String pageId, String contentType, String body, byte[] bytes, int at, boolean base64) {

        /** Whether this request is to answer the response's next page honestly. */
        boolean honest() {
            return pageId.equals(NEXT_PAGE);
        }

        Sent answering(Map.Entry<String, String> next) {
            return new Sent(next.getKey(), contentType, body.replace(NEXT_ANSWERS, next.getValue()), bytes, at, base64);
        }

        APIGatewayV2HTTPEvent event(String method, String routePath, String rawPath, String token, long version) {
            APIGatewayV2HTTPEvent event = RespondentClient.event(method, routePath, rawPath, token, null,
                    contentType);
            String text = body.replace(CURRENT, Long.toString(version));
            if (bytes == null && !base64) {
                event.setBody(text);
                return event;
            }
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            byte[] spliced = utf8;
            if (bytes != null) {
                int position = Math.min(at, utf8.length);
                spliced = new byte[utf8.length + bytes.length];
                System.arraycopy(utf8, 0, spliced, 0, position);
                System.arraycopy(bytes, 0, spliced, position, bytes.length);
                System.arraycopy(utf8, position, spliced, position + bytes.length, utf8.length - position);
            }
            event.setBody(Base64.getEncoder().encodeToString(spliced));
            event.setIsBase64Encoded(true);
            return event;
        }

        @Override
        public String toString() {
            return "Sent[pageId=" + escaped(pageId) + ", contentType=" + contentType + ", base64=" + base64
                    + ", body=" + escaped(body) + (bytes == null ? ""
                    : ", bytes=" + HexFormat.of().formatHex(bytes) + " at " + at) + "]";
        }

        private static String escaped(String text) {
            StringBuilder out = new StringBuilder();
            text.codePoints().limit(400).forEach(c -> out.append(c < 0x20 || (c >= 0xd800 && c <= 0xdfff)
                    ? String.format("\\u%04x", c) : Character.toString(c)));
            return text.length() > 400 ? out + "… (" + text.length() + " chars)" : out.toString();
        }
    }

    /** Mostly hostile; one in three answers the next page honestly, so that saves get through and move on. */
    @Provide
    Arbitrary<Sent> pageSaves() {
        Arbitrary<Sent> walk = Arbitraries.of(true, false, false).map(base64 -> new Sent(NEXT_PAGE,
                "application/json", "{\"version\":" + CURRENT + ",\"answers\":" + NEXT_ANSWERS + "}", null, 0,
                base64));
        return Arbitraries.frequencyOf(Tuple.of(2, sent(pageIds(), pageSaveBodies())), Tuple.of(1, walk));
    }

    @Provide
    Arbitrary<Sent> submits() {
        Arbitrary<String> bodies = Arbitraries.frequencyOf(
                Tuple.of(4, versions().map(version -> "{\"version\":" + version + "}")),
                Tuple.of(1, Combinators.combine(versions(), key(), value(2))
                        .as((version, key, value) -> "{\"version\":" + version + "," + key + ":" + value + "}")),
                Tuple.of(2, value(4)));
        return sent(Arbitraries.just(""), bodies);
    }

    private static Arbitrary<Sent> sent(Arbitrary<String> pageIds, Arbitrary<String> bodies) {
        Arbitrary<String> contentTypes = Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just("application/json")),
                Tuple.of(2, Arbitraries.just("application/json; charset=utf-8")),
                Tuple.of(1, Arbitraries.of("text/plain", "application/json; charset=latin1", "")));
        Arbitrary<byte[]> spliced = Arbitraries.frequencyOf(
                Tuple.of(2, Arbitraries.of(new byte[] {(byte) 0xff}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                        new byte[] {(byte) 0x80}, new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80},
                        new byte[] {(byte) 0xc3}, new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80},
                        new byte[] {0}, new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf})),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64)))
                .injectNull(0.7);
        return Combinators.combine(pageIds, contentTypes, bodies, spliced, Arbitraries.integers().between(0, 200),
                        Arbitraries.integers().between(0, 3))
                .as((pageId, contentType, body, bytes, at, transport) ->
                        new Sent(pageId, contentType, body, bytes, at, transport == 0));
    }

    @Provide
    Arbitrary<String> pageIds() {
        return Arbitraries.frequencyOf(
                Tuple.of(10, Arbitraries.of(QUESTIONNAIRE.pages().stream().map(Page::id).toList())),
                Tuple.of(1, Arbitraries.of("q99", "Q0", "../q0", "q0 ", "q0%00", "", "q".repeat(300), "ø")),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(12)));
    }

    @Provide
    Arbitrary<Integer> pagesAnsweredBefore() {
        return Arbitraries.integers().between(0, 8);
    }

    private static Arbitrary<String> pageSaveBodies() {
        return Arbitraries.frequencyOf(
                Tuple.of(8, Combinators.combine(versions(), answerObjects())
                        .as((version, answers) -> "{\"version\":" + version + ",\"answers\":" + answers + "}")),
                Tuple.of(1, Combinators.combine(versions(), answerObjects(), key(), value(1))
                        .as((version, answers, key, extra) -> "{\"version\":" + version + ",\"answers\":" + answers
                                + "," + key + ":" + extra + "}")),
                Tuple.of(1, Arbitraries.integers().between(1, 5000).map(depth -> "{\"version\":" + CURRENT
                        + ",\"answers\":{\"Q28\":{\"text\":" + "[".repeat(depth) + "]".repeat(depth) + "}}}")),
                Tuple.of(1, Combinators.combine(versions(), answerObjects()).as((version, answers) ->
                        "{\"version\":" + version + ",\"answers\":" + answers + "}{")),
                Tuple.of(1, value(4)));
    }

    private static Arbitrary<String> versions() {
        return Arbitraries.frequencyOf(
                Tuple.of(12, Arbitraries.just(CURRENT)),
                Tuple.of(1, Arbitraries.of("-1", "0", "1", "2", "1.0", "1e0", "\"1\"", "null", "true", "[]", "{}",
                        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1e400",
                        CURRENT + "0", "-" + CURRENT)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)));
    }

    @Provide
    Arbitrary<String> answers() {
        return answerObjects();
    }

    private static Arbitrary<String> answerObjects() {
        Arbitrary<String> member = Combinators.combine(questionKey(), Arbitraries.frequencyOf(
                        Tuple.of(4, answerShaped()), Tuple.of(1, value(3))))
                .as((key, answer) -> key + ":" + answer);
        return member.list().ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}");
    }

    private static Arbitrary<String> questionKey() {
        List<String> ids = QUESTIONNAIRE.questions().stream().map(Question::id).toList();
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(ids)),
                Tuple.of(1, key()));
    }

    private static Arbitrary<String> answerShaped() {
        Arbitrary<String> number = Arbitraries.frequencyOf(
                Tuple.of(8, Arbitraries.integers().between(-1, 16).map(String::valueOf)),
                Tuple.of(1, number()));
        Arbitrary<String> column = Arbitraries.of("\"a\"", "\"b\"", "\"c\"", "\"d\"", "\"e\"", "\"z\"", "\"\"", "1",
                "null");
        Arbitrary<String> row = Combinators.combine(
                        Arbitraries.integers().between(0, 17).map(n -> "\"" + n + "\""), column)
                .as((key, value) -> key + ":" + value);
        return Arbitraries.frequencyOf(
                Tuple.of(3, number.map(n -> "{\"choice\":" + n + "}")),
                Tuple.of(2, Combinators.combine(number, text()).as((n, other) ->
                        "{\"choice\":" + n + ",\"other\":" + other + "}")),
                Tuple.of(3, number.list().ofMaxSize(6).map(ns -> "{\"choices\":[" + String.join(",", ns) + "]}")),
                Tuple.of(1, Combinators.combine(number.list().ofMaxSize(4), text()).as((ns, other) ->
                        "{\"choices\":[" + String.join(",", ns) + "],\"other\":" + other + "}")),
                Tuple.of(3, row.list().ofMaxSize(16).map(rows -> "{\"rows\":{" + String.join(",", rows) + "}}")),
                Tuple.of(3, text().map(text -> "{\"text\":" + text + "}")),
                Tuple.of(1, Arbitraries.just("{}")));
    }

    /** Any JSON value, nested up to {@code depth} arrays and objects. */
    private static Arbitrary<String> value(int depth) {
        Arbitrary<String> leaf = Arbitraries.frequencyOf(
                Tuple.of(2, number()),
                Tuple.of(2, text()),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<String> child = value(depth - 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, leaf),
                Tuple.of(1, child.list().ofMaxSize(4).map(items -> "[" + String.join(",", items) + "]")),
                Tuple.of(2, Combinators.combine(key(), child).as((key, value) -> key + ":" + value).list()
                        .ofMaxSize(4).map(members -> "{" + String.join(",", members) + "}")));
    }

    private static Arbitrary<String> number() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.integers().between(-3, 30).map(String::valueOf)),
                Tuple.of(1, Arbitraries.longs().map(String::valueOf)),
                Tuple.of(1, Arbitraries.bigIntegers().between(java.math.BigInteger.TEN.pow(19).negate(),
                        java.math.BigInteger.TEN.pow(40)).map(String::valueOf)),
                Tuple.of(1, Arbitraries.of("1e400", "-1e400", "1.5", "2.0", "1E1", "-0", "0.0", "1e-400",
                        "4.9e-324", "1.7976931348623157e309")));
    }

    /** A JSON key: the answers' own member names, row numbers, or anything. */
    private static Arbitrary<String> key() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of("choice", "choices", "other", "text", "rows", "version", "answers", "1",
                        "3", "14", "Q0", "Q28", "__proto__").map(key -> "\"" + key + "\"")),
                Tuple.of(1, text()));
    }

    /** A JSON string: ordinary, any characters at all, escapes of unpaired surrogates and NUL, or too long. */
    private static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("a", "b", "", "Eget innovasjonsfond", "Æ Ø Å æ ø å", "🙂", "\u00a0",
                        "\u202e", "\ufeff").map(HostileBodiesTest::escape)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40).map(HostileBodiesTest::escape)),
                Tuple.of(1, Arbitraries.of("\\ud800", "\\udc00", "a\\ud83d", "\\ud83d\\ud83d", "\\u0000",
                        "\\uDFFFx", "\\u00")),
                Tuple.of(1, Arbitraries.integers().between(3990, 4200).map("x"::repeat)))
                .map(content -> "\"" + content + "\"");
    }

    /** JSON-escapes quotes, backslashes and control characters and leaves everything else, surrogates too, as is. */
    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
