package no.ks.barometer.systemtests;

import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.systemtests.Faults.Kind;
import no.ks.barometer.systemtests.Faults.Moment;
import no.ks.barometer.systemtests.RespondentClient.Reply;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A token is a password: the table holds only its SHA-256, and no log line of a full journey (refusals, faults and
 * a reissued link included) carries a token or an e-mail address.
 */
@ExtendWith(DynamoDbLocal.class)
class NoTokenAtRestOrInLogsTest {

    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final List<String> TOKENS = new ArrayList<>();
    private static final List<Organisation> ORGANISATIONS = List.of(Organisations.halden(), Organisations.oestfold());
    private static List<String> logLines;
    private static DynamoDbLocal.LocalTable table;
    private static String currentTokenOfOestfold;

    @BeforeAll
    static void fullJourney(DynamoDbLocal.LocalTable localTable) {
        table = localTable;
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            journey();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        logLines = captured.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Every outcome the respondent routes have, with the handlers built while their output is captured. */
    private static void journey() {
        Faults faults = new Faults();
        RespondentClient api = new RespondentClient(table, "secrets", function -> faults.client(table));
        String halden = api.invite(ORGANISATIONS.get(0));
        String oestfold = api.invite(ORGANISATIONS.get(1));
        TOKENS.addAll(List.of(halden, oestfold));

        api.questionnaire("innovasjonsbarometer-2024", null, null);
        api.get(halden);
        long version = 0;
        for (Map.Entry<String, String> page : Pages.worksWithInnovation(true).entrySet()) {
            Reply saved = api.put(halden, page.getKey(), version, page.getValue());
            assertEquals(200, saved.status(), saved.raw());
            version = saved.version();
        }
        api.put(halden, "q28", version - 1, "{\"Q28\":{\"text\":\"for sent\"}}");
        api.put(halden, "q28", version, "{\"Q28\":{\"text\":\"postmottak@halden.kommune.example\",\"x\":1}}");
        api.put(halden, "q99", version, "{}");
        api.putRaw(halden, "q28", "{\"version\":" + version + ",", "application/json");
        api.putRaw(halden, "q28", "{}", "text/plain");
        faults.injectUntilHealed("UpdateItem", Moment.BEFORE_SENDING, Kind.THROTTLED);
        api.put(halden, "q28", version, "{\"Q28\":{\"text\":\"Takk\"}}");
        faults.heal();
        faults.injectUntilHealed("UpdateItem", Moment.AFTER_DYNAMODB_ANSWERED, Kind.CONNECTION_LOST);
        api.put(halden, "q28", version, "{\"Q28\":{\"text\":\"Takk\"}}");
        faults.heal();
        api.put(halden, "q28", version, "{\"Q28\":{\"text\":\"Takk\"}}");
        version++;
        api.submit(halden, version);
        api.submit(halden, version);
        api.put(halden, "q28", version + 1, "{}");

        api.get(oestfold);
        currentTokenOfOestfold = api.invitations.reissue(api.survey, "31", RespondentClient.VALIDITY).token();
        TOKENS.add(currentTokenOfOestfold);
        api.get(oestfold);
        api.put(oestfold, "q0", 0, "{\"Q0\":{\"choice\":1}}");
        assertEquals(200, api.put(currentTokenOfOestfold, "q0", 0, "{\"Q0\":{\"choice\":3}}").status());
        String unknown = Tokens.newToken();
        TOKENS.add(unknown);
        api.get(unknown);
        api.get("Bearer " + unknown);
        api.invitations.revoke(api.survey, "31");
        api.get(currentTokenOfOestfold);
    }

    @Test
    void theJourneyWasLogged() {
        long requests = logLines.stream().filter(line -> line.startsWith("{\"route\"")).count();
        assertTrue(requests >= 45, "only " + requests + " request lines: " + logLines);
        assertTrue(logLines.stream().anyMatch(line -> line.contains("\"level\":\"ERROR\"")),
                "the faults' stack traces are among the lines");
    }

    @Test
    void noLogLineCarriesAToken() {
        for (String line : logLines) {
            for (String token : TOKENS) {
                assertFalse(line.contains(token), line);
            }
        }
    }

    @Test
    void noLogLineCarriesAnEmailAddress() {
        for (String line : logLines) {
            assertFalse(EMAIL.matcher(line).find(), line);
        }
    }

    @Test
    void theTableHoldsTokensOnlyAsTheirHashes() {
        List<String> stored = new ArrayList<>();
        table.client().scanPaginator(ScanRequest.builder().tableName(table.tableName()).build()).items()
                .forEach(item -> item.forEach((name, value) -> flatten(name, value, stored)));

        for (String value : stored) {
            for (String token : TOKENS) {
                assertFalse(value.contains(token), value);
            }
        }
        assertTrue(stored.contains("TOKEN#" + Tokens.hash(currentTokenOfOestfold)), "the scan sees the token items");
        assertTrue(stored.contains(Tokens.hash(TOKENS.get(0))), "the scan sees the invitations' hashes");
        assertTrue(stored.stream().anyMatch(value -> EMAIL.matcher(value).find()),
                "the contact addresses are stored, so the log test looked for something that exists");
    }

    /** Every string, number and binary in an attribute, names and nested values included. */
    private static void flatten(String name, AttributeValue value, List<String> into) {
        into.add(name);
        switch (value.type()) {
            case S -> into.add(value.s());
            case N -> into.add(value.n());
            case B -> {
                into.add(value.b().asString(StandardCharsets.ISO_8859_1));
                into.add(Base64.getEncoder().encodeToString(value.b().asByteArray()));
            }
            case SS -> into.addAll(value.ss());
            case NS -> into.addAll(value.ns());
            case BS -> value.bs().forEach(b -> into.add(b.asString(StandardCharsets.ISO_8859_1)));
            case L -> value.l().forEach(element -> flatten("", element, into));
            case M -> value.m().forEach((key, element) -> flatten(key, element, into));
            default -> {
            }
        }
    }
}
