package no.ks.barometer.systemtests;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Thousands of generated requests, near-valid and absurd, to every route: whatever a client sends, the answer is
 * never a 5xx, and every refusal is a problem body.
 */
@ExtendWith(DynamoDbLocal.class)
class NeverA500Test {

    private static final List<String> KEYS = List.of("choice", "choices", "other", "text", "rows", "version",
            "answers", "Q0", "Q1", "Q3", "Q4", "Q12", "Q28", "1", "2", "a", "");
    private static final List<String> QUESTIONS = List.of("Q0", "Q1", "Q2", "Q2", "Q3", "Q4", "Q6", "Q11", "Q12",
            "Q28", "Q99", "", "\\u0000");
    private static final List<String> PAGES = List.of("q0", "q1", "q2", "q2", "q2", "q3", "q3", "q4", "q4", "q5",
            "q6", "q12", "q28", "q99", "", "../q0", "q0%00", "Q0", "q".repeat(300), "ø");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json; charset=utf-8",
            "text/plain", "application/json; charset=latin1", "", "application/problem+json");

    private static RespondentClient api;
    private static String token;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        api = new RespondentClient(table, "fuzz");
        token = api.invite(Organisations.halden());
        api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        api.put(token, "q1", 1, "{\"Q1\":{\"choice\":1}}");
    }

    @Test
    void generatedPageSavesNeverGetA5xx() {
        Random random = new Random(20240902L);
        long version = 2;
        for (int i = 0; i < 1500; i++) {
            String versionText = random.nextInt(5) == 0 ? value(random, 0) : Long.toString(version);
            String body = random.nextInt(10) == 0 ? garbage(random)
                    : "{\"version\":" + versionText + ",\"answers\":" + answers(random) + "}";
            APIGatewayV2HTTPEvent event = RespondentClient.event("PUT", "/v1/response/pages/{pageId}",
                    "/v1/response/pages/x", random.nextInt(20) == 0 ? "x" : token, null,
                    random.nextInt(6) == 0 ? pick(random, CONTENT_TYPES) : "application/json");
            event.setPathParameters(random.nextInt(30) == 0 ? null : Map.of("pageId", pick(random, PAGES)));
            setBody(event, body, random);
            Reply reply = Reply.of(api.savePage.handleRequest(event, null));
            assertNo5xx(reply, body);
            if (reply.status() == 200) {
                version = reply.version();
            }
        }
    }

    /** An answers object: mostly known questions with answers of roughly the right shape. */
    private static String answers(Random random) {
        StringBuilder answers = new StringBuilder("{");
        int count = random.nextInt(3);
        for (int a = 0; a < count; a++) {
            answers.append(a == 0 ? "" : ",").append('"').append(pick(random, QUESTIONS)).append("\":");
            answers.append(switch (random.nextInt(6)) {
                case 0 -> "{\"choice\":" + (random.nextInt(14) - 1) + "}";
                case 1 -> "{\"choice\":" + random.nextInt(5) + ",\"other\":" + value(random, 2) + "}";
                case 2 -> "{\"choices\":[" + random.nextInt(12) + "," + random.nextInt(12) + "]}";
                case 3 -> "{\"rows\":{\"" + random.nextInt(16) + "\":\"" + pick(random, List.of("a", "b", "e", "z", ""))
                        + "\"}}";
                case 4 -> "{\"text\":" + value(random, 2) + "}";
                default -> value(random, 1);
            });
        }
        return answers.append('}').toString();
    }

    @Test
    void generatedSubmitsAndReadsNeverGetA5xx() {
        Random random = new Random(31L);
        for (int i = 0; i < 400; i++) {
            String body = random.nextBoolean() ? garbage(random) : "{\"version\":" + value(random, 0) + "}";
            APIGatewayV2HTTPEvent event = RespondentClient.event("POST", "/v1/response/submit",
                    "/v1/response/submit", token, null, pick(random, CONTENT_TYPES));
            setBody(event, body, random);
            assertNo5xx(Reply.of(api.submit.handleRequest(event, null)), body);
            APIGatewayV2HTTPEvent read = RespondentClient.event("GET", "/v1/response", "/v1/response",
                    random.nextBoolean() ? token : garbage(random), null, null);
            if (random.nextInt(10) == 0) {
                read.setHeaders(null);
            }
            assertNo5xx(Reply.of(api.getResponse.handleRequest(read, null)), "GET");
        }
    }

    @Test
    void generatedQuestionnaireRequestsNeverGetA5xx() {
        Random random = new Random(7L);
        for (int i = 0; i < 300; i++) {
            String id = random.nextBoolean() ? "innovasjonsbarometer-2024" : garbage(random);
            String version = random.nextBoolean() ? null : pick(random, List.of("1", "0", "-1", "2", "1.0",
                    "99999999999", "abc", ""));
            String ifNoneMatch = random.nextBoolean() ? null : garbage(random);
            Reply reply = api.questionnaire(id, version, ifNoneMatch);
            assertTrue(reply.status() < 500, reply.raw());
        }
    }

    private static void setBody(APIGatewayV2HTTPEvent event, String body, Random random) {
        if (random.nextInt(8) == 0) {
            event.setBody(Base64.getEncoder().encodeToString(body.getBytes(StandardCharsets.UTF_8)));
            event.setIsBase64Encoded(true);
        } else if (random.nextInt(40) == 0) {
            event.setBody(null);
        } else {
            event.setBody(body);
        }
    }

    private static void assertNo5xx(Reply reply, String request) {
        assertTrue(reply.status() < 500, reply.status() + " for " + request + ": " + reply.raw());
        if (reply.status() >= 400) {
            assertEquals("application/problem+json", reply.headers().get("Content-Type"));
            assertEquals(reply.status(), reply.body().get("status").intValue());
        }
    }

    /** A JSON value, more often of the shapes answers have. */
    private static String value(Random random, int depth) {
        int kind = random.nextInt(depth > 3 ? 6 : 10);
        return switch (kind) {
            case 0 -> Integer.toString(random.nextInt(30) - 5);
            case 1 -> pick(random, List.of("1.5", "1e400", "-0", "12345678901234567890", "3", "2"));
            case 2 -> "\"" + pick(random, List.of("a", "b", "x", "", "\\u0000", "\\ud800", "\\n", "ø".repeat(20),
                    "x".repeat(4100))) + "\"";
            case 3 -> pick(random, List.of("true", "false", "null"));
            case 4 -> "[]";
            case 5 -> "{}";
            case 6, 7 -> {
                StringBuilder object = new StringBuilder("{");
                int members = random.nextInt(4);
                for (int m = 0; m < members; m++) {
                    object.append(m == 0 ? "" : ",").append('"').append(pick(random, KEYS)).append(m).append("\":")
                            .append(value(random, depth + 1));
                }
                yield object.append('}').toString();
            }
            case 8 -> "{\"" + pick(random, KEYS) + "\":" + value(random, depth + 1) + "}";
            default -> {
                StringBuilder array = new StringBuilder("[");
                int elements = random.nextInt(5);
                for (int e = 0; e < elements; e++) {
                    array.append(e == 0 ? "" : ",").append(value(random, depth + 1));
                }
                yield array.append(']').toString();
            }
        };
    }

    private static String garbage(Random random) {
        byte[] bytes = new byte[random.nextInt(60)];
        random.nextBytes(bytes);
        return pick(random, List.of(new String(bytes, StandardCharsets.ISO_8859_1), "{", "}", "null", "[]",
                "{\"version\":1}{", "\u0000", "🙂", "Bearer x"));
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
