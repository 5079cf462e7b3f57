package no.ks.barometer.systemtests;

import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A flood of junk tokens costs no storage: a token that cannot be one is refused before the handler reads the table,
 * so it spends neither DynamoDB capacity nor the time of a look-up.
 */
@ExtendWith(DynamoDbLocal.class)
class JunkTokenTest {

    private static final List<String> CALLS = Collections.synchronizedList(new ArrayList<>());
    private static RespondentClient api;
    private static String wellFormedButUnknown;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        api = new RespondentClient(table, "junk-tokens", function -> StorageCalls.recording(table, CALLS::add));
        api.invite(Organisations.halden());
        wellFormedButUnknown = Tokens.newToken();
    }

    @BeforeEach
    void forgetCalls() {
        CALLS.clear();
    }

    static Stream<String> junk() {
        return Stream.of("not-a-token", "a".repeat(Tokens.LENGTH - 1), "a".repeat(Tokens.LENGTH + 1),
                "a".repeat(4000), "aaaaaaaaaaaaaaaaaaaaa=", "aaaaaaaaaaaaaaaaaaaaa+", "ææææææææææææææææææææææ");
    }

    @ParameterizedTest
    @MethodSource("junk")
    void junkTokenIsRefusedWithoutAStorageCall(String token) {
        List<Reply> replies = List.of(api.get(token), api.put(token, "q0", 0, "{\"Q0\":{\"choice\":1}}"),
                api.submit(token, 0));

        for (Reply reply : replies) {
            assertEquals(401, reply.status(), reply.raw());
        }
        assertEquals(List.of(), CALLS);
    }

    @Test
    void requestWithoutATokenIsRefusedWithoutAStorageCall() {
        assertEquals(401, api.get(null).status());
        assertEquals(401, api.put(null, "q0", 0, "{\"Q0\":{\"choice\":1}}").status());
        assertEquals(List.of(), CALLS);
    }

    /** The recorder sees the calls a token costs once it could be one. */
    @Test
    void wellFormedTokenIsLookedUp() {
        assertEquals(401, api.get(wellFormedButUnknown).status());
        assertEquals(List.of("dynamodb:GetItem"), CALLS);
    }
}
