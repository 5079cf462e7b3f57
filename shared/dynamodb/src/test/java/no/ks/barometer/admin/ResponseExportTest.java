package no.ks.barometer.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class ResponseExportTest {

    private static final String SURVEY = "export";
    /** Halden answered, with a formula in an other-text and Norwegian letters in an open text. */
    private static final String HALDEN = """
            {"Q0": {"choice": 1}, "Q1": {"choice": 2}, "Q2": {"choice": 1}, "Q3": {"choice": 4},
             "Q4": {"choices": [1, 10], "other": "=HYPERLINK(\\"https://evil.example\\")"},
             "Q6": {"choices": [3]},
             "Q12": {"rows": {"1": "a", "2": "b", "3": "e"}},
             "Q22": {"text": "Ærlig talt; «bedre» tjenester i Måsøy"},
             "Q24": {"text": "-1+1"}}""";

    private static AdminFixture fixture;
    private static String csv;
    private static List<String> header;
    private static Map<String, String> halden;
    private static Map<String, String> sarpsborg;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        fixture = new AdminFixture(table);
        fixture.createSurvey(SURVEY);
        done(fixture.admin.register().importFile(SURVEY, "number,name,type,fylke,population,maalform,emails\n"
                + "3101,Halden,kommune,31,31444,Bokmål,a@halden.example\n"
                + "3103,\"@Sarpsborg\",kommune,31,60000,Nøytral,a@sarpsborg.example\n"
                + "5501,Tromsø,kommune,55,4000,Bokmål,a@tromso.example\n", RegisterFormat.CSV, ADMIN));
        fixture.respond(SURVEY, "3101", ResponseStatus.COMPLETED, HALDEN);
        fixture.respond(SURVEY, "3103", ResponseStatus.DECLINED, "{\"Q0\": {\"choice\": 2}, \"Q1\": {\"choice\": 1}}");
        ExportFile file = done(fixture.admin.export().export(SURVEY, ExportFormat.CSV, ADMIN));
        assertEquals(3, file.rows());
        assertEquals("export.csv", file.fileName());
        csv = new String(file.content(), StandardCharsets.UTF_8);
        List<List<String>> rows = parse(csv.substring(1));
        header = rows.get(0);
        halden = row(rows.get(1));
        sarpsborg = row(rows.get(2));
    }

    @Test
    void fileStartsWithAByteOrderMarkAndKeepsNorwegianLetters() {
        assertTrue(csv.startsWith("\uFEFForgnr;navn;type;"));
        assertEquals("Ærlig talt; «bedre» tjenester i Måsøy", halden.get("Q22"));
        assertEquals("Østfold", halden.get("fylke"));
        assertEquals("Tromsø", row(parse(csv.substring(1)).get(3)).get("navn"));
    }

    @Test
    void columnsFollowTheAnswerCodes() {
        assertEquals(ResponseExport.columns(AdminFixture.CATALOG.get("innovasjonsbarometer-2024", 1).orElseThrow()
                .questionnaire()).stream().map(ExportColumn::name).toList(), header);
        assertEquals("2", halden.get("Q1"));
        assertEquals("1", halden.get("Q4_1"));
        assertEquals("0", halden.get("Q4_2"));
        assertEquals("1", halden.get("Q4_10"));
        assertEquals("a", halden.get("Q12_1"));
        assertEquals("e", halden.get("Q12_3"));
        assertEquals("COMPLETED", halden.get("status"));
        assertEquals("Østlandet", halden.get("landsdel"));
        assertEquals("20 000–49 999", halden.get("storrelse"));
    }

    @Test
    void cellsThatASpreadsheetWouldRunAreNeutralised() {
        assertEquals("'=HYPERLINK(\"https://evil.example\")", halden.get("Q4_annet"));
        assertEquals("'-1+1", halden.get("Q24"));
        assertEquals("'@Sarpsborg", sarpsborg.get("navn"));
        for (String line : csv.split("\r\n")) {
            for (String cell : line.split(";")) {
                assertFalse(cell.startsWith("=") || cell.startsWith("+") || cell.startsWith("@"), cell);
            }
        }
    }

    @Test
    void answersTheRulesHideAreAbsent() {
        // Q6 is shown only when Q2 = 2; row 2 of Q12 only to fylkeskommuner; after Q0 = 2 nothing else is shown.
        assertTrue(header.contains("Q6_3"));
        assertEquals("", halden.get("Q6_3"));
        assertEquals("", halden.get("Q12_2"));
        assertEquals("2", sarpsborg.get("Q0"));
        assertEquals("", sarpsborg.get("Q1"));
        assertFalse(csv.contains("choices"));
    }

    @Test
    void jsonLinesHoldTheSameVisibleAnswersOneOrganisationPerLine() throws Exception {
        ExportFile file = done(fixture.admin.export().export(SURVEY, ExportFormat.JSON_LINES, ADMIN));
        String text = new String(file.content(), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        assertEquals(3, lines.length);
        JsonNode first = new ObjectMapper().readTree(lines[0]);
        assertEquals("3101", first.path("organisation").path("number").asText());
        assertEquals("=HYPERLINK(\"https://evil.example\")", first.path("answers").path("Q4").path("other").asText());
        assertEquals("Ærlig talt; «bedre» tjenester i Måsøy", first.path("answers").path("Q22").path("text").asText());
        assertTrue(first.path("answers").path("Q6").isMissingNode());
        JsonNode second = new ObjectMapper().readTree(lines[1]);
        assertEquals(List.of("Q0"), iterate(second.path("answers").fieldNames()));
    }

    @Test
    void codebookDescribesEveryColumnOfTheExport() {
        String codebook = done(fixture.admin.export().codebook(SURVEY));

        assertTrue(codebook.startsWith("# Kodebok: "));
        for (String column : header) {
            assertTrue(codebook.contains("| `" + column + "` |"), column);
        }
    }

    @Test
    void everyExportIsAudited() {
        List<AuditEntry> entries = done(fixture.admin.audit().list(SURVEY, java.util.Optional.empty(), 500)).items();
        assertTrue(entries.stream().anyMatch(e -> e.action() == AuditAction.RESPONSES_EXPORTED
                && e.actor().equals(ADMIN)));
    }

    private static List<String> iterate(java.util.Iterator<String> names) {
        List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    private static Map<String, String> row(List<String> cells) {
        Map<String, String> row = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            row.put(header.get(i), cells.get(i));
        }
        return row;
    }

    /** A reader independent of the writer: semicolons, quotes doubled inside quoted cells, CRLF rows. */
    private static List<List<String>> parse(String text) {
        List<List<String>> rows = new java.util.ArrayList<>();
        List<String> cells = new java.util.ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ';') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\r' && text.charAt(i + 1) == '\n') {
                cells.add(cell.toString());
                cell.setLength(0);
                rows.add(cells);
                cells = new java.util.ArrayList<>();
                i++;
            } else {
                cell.append(c);
            }
        }
        assertEquals(List.of(), Arrays.asList(cells.toArray()), "the file ends with a line break");
        return rows;
    }
}
