package no.ks.barometer.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BarometerAdminTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-09-01T08:15:00Z"), ZoneOffset.UTC);
    private static final String SURVEY = "{\"id\":\"b-2026\",\"state\":\"CLOSED\",\"closesAt\":\"2026-10-31T22:59:00Z\"}";

    private static final String MAILING = "{\"mailingId\":\"inv-1\",\"kind\":\"invitation\",\"sent\":0,\"inDoubt\":0}";
    private static final String SNAPSHOT = "{\"snapshotId\":\"s-1\",\"computedAt\":\"2026-09-01T08:15:00Z\","
            + "\"questionnaireId\":\"innovasjonsbarometer-2024\",\"questionnaireVersion\":1,\"completed\":12,"
            + "\"etag\":\"\\\"e1\\\"\",\"latest\":true,\"published\":false}";

    private FakeApi api;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws IOException {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private int run(Map<String, String> environment, String... args) {
        return new BarometerAdmin(environment, CLOCK, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    /** With the local stack's token, as in the README's session. */
    private int local(String... args) {
        List<String> all = new ArrayList<>(List.of("--url", api.uri().toString(), "--token", "lokal-admin"));
        all.addAll(List.of(args));
        return run(Map.of(), all.toArray(String[]::new));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyRouteIsACommand(@TempDir Path dir) throws IOException {
        Path csv = Files.writeString(dir.resolve("register.csv"), "number,name\n");
        Path json = Files.writeString(dir.resolve("register.json"), "[]");
        record Case(List<String> args, String method, String path, String contentType, String reply) {
        }
        String imported = "{\"invited\":[],\"updated\":[],\"unchanged\":0,\"invitedMeanwhile\":[]}";
        String change = "{\"survey\":" + SURVEY + ",\"takesEffectWithinSeconds\":30,\"note\":\"x\"}";
        String progress = "{\"overall\":{},\"segments\":{\"orgType\":[]}}";
        List<Case> cases = List.of(
                new Case(List.of("surveys", "list"), "GET", "/prod/v1/admin/surveys", null, "{\"surveys\":[]}"),
                new Case(List.of("surveys", "create", "--id", "b-2026", "--title", "Barometer 2026",
                        "--questionnaire", "innovasjonsbarometer-2024", "--opens", "2026-09-01T08:00:00+02:00",
                        "--closes", "2026-10-31T23:59:00+01:00", "--link-base", "https://barometer.example/"),
                        "POST", "/prod/v1/admin/surveys", "application/json", SURVEY),
                new Case(List.of("surveys", "show", "b-2026"), "GET", "/prod/v1/admin/surveys/b-2026", null, SURVEY),
                new Case(List.of("surveys", "open", "b-2026"), "POST", "/prod/v1/admin/surveys/b-2026/open", null, change),
                new Case(List.of("surveys", "close", "b-2026"), "POST", "/prod/v1/admin/surveys/b-2026/close", null,
                        change),
                new Case(List.of("surveys", "extend", "b-2026", "--closes", "2026-11-15T23:59:00+01:00"), "POST",
                        "/prod/v1/admin/surveys/b-2026/extend", "application/json", change),
                new Case(List.of("register", "import", "b-2026", csv.toString()), "POST",
                        "/prod/v1/admin/surveys/b-2026/register", "text/csv; charset=utf-8", imported),
                new Case(List.of("register", "import", "b-2026", json.toString()), "POST",
                        "/prod/v1/admin/surveys/b-2026/register", "application/json", imported),
                new Case(List.of("register", "standard", "b-2026"), "POST",
                        "/prod/v1/admin/surveys/b-2026/register/standard", null, imported),
                new Case(List.of("invitations", "list", "b-2026", "--limit", "50"), "GET",
                        "/prod/v1/admin/surveys/b-2026/invitations?limit=50", null,
                        "{\"invitations\":[],\"next\":null}"),
                new Case(List.of("invitations", "reissue", "b-2026", "3101"), "POST",
                        "/prod/v1/admin/surveys/b-2026/invitations/3101/reissue", null,
                        "{\"organisation\":{\"number\":\"3101\"},\"link\":\"https://barometer.example/#t=x\"}"),
                new Case(List.of("invitations", "revoke", "b-2026", "3101"), "POST",
                        "/prod/v1/admin/surveys/b-2026/invitations/3101/revoke", null, "{}"),
                new Case(List.of("progress", "b-2026"), "GET", "/prod/v1/admin/surveys/b-2026/progress", null,
                        progress),
                new Case(List.of("export", "b-2026", "--format", "jsonl", "--out", dir.resolve("x.jsonl").toString()),
                        "GET", "/prod/v1/admin/surveys/b-2026/export?format=jsonl", null, "{}\n"),
                new Case(List.of("codebook", "b-2026", "--out", dir.resolve("k.md").toString()), "GET",
                        "/prod/v1/admin/surveys/b-2026/codebook", null, "# Kodebok"),
                new Case(List.of("audit", "b-2026"), "GET", "/prod/v1/admin/surveys/b-2026/audit?limit=100", null,
                        "{\"entries\":[],\"next\":null}"),
                new Case(List.of("mailings", "dry-run", "b-2026", "--id", "inv-1", "--kind", "invitation"), "POST",
                        "/prod/v1/admin/surveys/b-2026/mailings/dry-run", "application/json",
                        "{\"recipients\":[],\"excluded\":[]}"),
                new Case(List.of("mailings", "start", "b-2026", "--id", "inv-1", "--kind", "invitation"), "POST",
                        "/prod/v1/admin/surveys/b-2026/mailings", "application/json", MAILING),
                new Case(List.of("mailings", "schedule", "b-2026", "--id", "pam-1", "--kind", "reminder", "--at",
                        "2026-09-15T09:00:00+02:00"), "POST", "/prod/v1/admin/surveys/b-2026/mailings/scheduled",
                        "application/json", MAILING),
                new Case(List.of("mailings", "list", "b-2026"), "GET", "/prod/v1/admin/surveys/b-2026/mailings", null,
                        "{\"mailings\":[]}"),
                new Case(List.of("mailings", "show", "b-2026", "inv-1"), "GET",
                        "/prod/v1/admin/surveys/b-2026/mailings/inv-1", null, MAILING),
                new Case(List.of("snapshots", "list", "b-2026", "--limit", "20", "--before", "s-2"), "GET",
                        "/prod/v1/admin/surveys/b-2026/snapshots?limit=20&before=s-2", null,
                        "{\"snapshots\":[],\"next\":null}"),
                new Case(List.of("snapshots", "compute", "b-2026"), "POST", "/prod/v1/admin/surveys/b-2026/snapshots",
                        null, SNAPSHOT),
                new Case(List.of("snapshots", "latest", "b-2026"), "GET",
                        "/prod/v1/admin/surveys/b-2026/snapshots/latest", null, "{\"formatVersion\":1}"),
                new Case(List.of("snapshots", "show", "b-2026", "s-1"), "GET",
                        "/prod/v1/admin/surveys/b-2026/snapshots/s-1", null, "{\"formatVersion\":1}"),
                new Case(List.of("snapshots", "publish", "b-2026", "s-1"), "POST",
                        "/prod/v1/admin/surveys/b-2026/snapshots/s-1/publish", null, SNAPSHOT));
        for (Case c : cases) {
            api.answer(FakeApi.Canned.json(c.reply()));

            assertEquals(0, local(c.args().toArray(String[]::new)), c.args() + ": " + err());

            FakeApi.Request request = api.last();
            assertEquals(c.method() + " " + c.path(), request.method() + " " + request.path(), c.args().toString());
            assertEquals("Bearer lokal-admin", request.header("authorization"));
            assertEquals(c.contentType(), request.header("content-type"), c.args().toString());
        }
        assertEquals("{\"id\":\"b-2026\",\"title\":\"Barometer 2026\",\"questionnaireId\":\"innovasjonsbarometer-2024\","
                + "\"opensAt\":\"2026-09-01T08:00:00+02:00\",\"closesAt\":\"2026-10-31T23:59:00+01:00\","
                + "\"linkBaseUrl\":\"https://barometer.example/\"}",
                api.requests.get(1).text().replaceAll("\\s", "").replace("Barometer2026", "Barometer 2026"));
        assertArrayEquals(Files.readAllBytes(csv), api.requests.get(6).body());
    }

    @Test
    void inAwsEveryRequestIsSignedWithSigV4ForExecuteApi() throws Exception {
        System.setProperty("aws.accessKeyId", "AKIDEXAMPLE");
        System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
        try {
            api.answer(FakeApi.Canned.json(SURVEY));

            assertEquals(0, run(Map.of(), "--url", api.uri().toString(), "--region", "eu-north-1", "surveys",
                    "extend", "b-2026", "--closes", "2026-11-15T23:59:00+01:00"), err());

            FakeApi.Request request = api.last();
            String authorization = request.header("authorization");
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260901/eu-north-1/"
                    + "execute-api/aws4_request, SignedHeaders="), authorization);
            assertEquals("20260901T081500Z", request.header("x-amz-date"));
            // The same signer over the request as it arrived gives the same signature: nothing signed was lost.
            URI arrived = URI.create("http://" + request.header("host") + request.path());
            Map<String, List<String>> expected = new SigV4(StaticCredentialsProvider.create(
                    AwsBasicCredentials.create("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")),
                    "eu-north-1", CLOCK).headers("POST", arrived, Map.of("accept", request.header("accept"),
                    "content-type", request.header("content-type")), request.body());
            assertEquals(expected.get("Authorization").get(0), authorization);
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }

    @Test
    void regionIsTakenFromAnApiGatewayAddress() {
        assertEquals("eu-north-1", SigV4.regionOf(URI.create("https://a1b2c3d4e5.execute-api.eu-north-1.amazonaws.com/prod"))
                .orElseThrow());
        assertTrue(SigV4.regionOf(URI.create("http://127.0.0.1:8080")).isEmpty());
    }

    @Test
    void tokenFromTheEnvironmentKeepsItOutOfTheShellHistory() {
        api.answer(FakeApi.Canned.json("{\"surveys\":[]}"));

        assertEquals(0, run(Map.of("BAROMETER_ADMIN_URL", api.uri().toString(), "BAROMETER_ADMIN_TOKEN", "fra-miljo"),
                "surveys", "list"));

        assertEquals("Bearer fra-miljo", api.last().header("authorization"));
    }

    @Test
    void progressIsPrintedAsATable() {
        api.answer(FakeApi.Canned.json("""
                {"overall": {"invited": 371, "notOpened": 100, "opened": 20, "inProgress": 51, "completed": 180,
                             "declined": 15, "wrongRecipient": 5, "responseRate": 48.5},
                 "segments": {"landsdel": [
                   {"key": "OESTLANDET", "label": "Østlandet", "invited": 120, "notOpened": 30, "opened": 5,
                    "inProgress": 15, "completed": 65, "declined": 4, "wrongRecipient": 1, "responseRate": 54.2}]}}"""));

        assertEquals(0, local("progress", "b-2026", "--by", "landsdel"));

        List<String> lines = out().lines().toList();
        assertEquals(4, lines.size(), out());
        assertTrue(lines.get(0).matches("gruppe\\s+invitert\\s+ikke åpnet\\s+åpnet\\s+påbegynt\\s+fullført\\s+avslått"
                + "\\s+feil mottaker\\s+svarprosent"), lines.get(0));
        assertTrue(lines.get(2).matches("Østlandet\\s+120\\s+30\\s+5\\s+15\\s+65\\s+4\\s+1\\s+54.2 %"), lines.get(2));
        assertTrue(lines.get(3).matches("Totalt\\s+371\\s+100\\s+20\\s+51\\s+180\\s+15\\s+5\\s+48.5 %"), lines.get(3));
    }

    @Test
    void progressNamesEachBouncedContactBesideTheOrganisationsOtherContacts() {
        api.answer(FakeApi.Canned.json("""
                {"overall": {"invited": 1}, "segments": {"orgType": []},
                 "undeliverable": [{"orgNumber": "3101", "orgName": "Halden",
                   "contacts": ["postmottak@halden.example", "radgiver@halden.example"],
                   "addresses": [{"address": "postmottak@halden.example", "kind": "PERMANENT_BOUNCE",
                     "label": "Adressen virker ikke (permanent avvist)", "detail": "General",
                     "at": "2026-09-01T08:16:02.669Z", "mailingId": "invitasjon"}]}]}"""));

        assertEquals(0, local("progress", "b-2026"));

        List<String> lines = out().lines().toList();
        assertEquals("Kontakter som ikke fikk e-posten:", lines.get(lines.size() - 4), out());
        assertTrue(lines.getLast().strip().matches("3101\\s+Halden\\s+postmottak@halden.example\\s+Adressen virker ikke"
                + " \\(permanent avvist\\)\\s+2026-09-01T08:16:02.669Z\\s+radgiver@halden.example"), lines.getLast());
    }

    @Test
    void exportIsWrittenToTheFileWithAProgressBarToTheEnd(@TempDir Path dir) throws IOException {
        byte[] csv = ("\uFEFForgnr;navn\r\n" + "3101;Halden\r\n".repeat(20_000)).getBytes(StandardCharsets.UTF_8);
        api.answer(new FakeApi.Canned(200, "text/csv; charset=utf-8", csv));
        Path file = dir.resolve("svar.csv");

        assertEquals(0, local("export", "b-2026", "--out", file.toString()));

        assertArrayEquals(csv, Files.readAllBytes(file));
        assertTrue(err().contains("[##############################] 100 %"), err());
        assertTrue(err().contains("Lagret i " + file), err());
        assertEquals("/prod/v1/admin/surveys/b-2026/export?format=csv", api.last().path());
    }

    @Test
    void newLinksOfAnImportGoToTheFileAskedFor(@TempDir Path dir) throws IOException {
        Path register = Files.writeString(dir.resolve("r.csv"), "number,name\n");
        Path links = dir.resolve("lenker.csv");
        api.answer(FakeApi.Canned.json("""
                {"invited": [{"organisation": {"number": "3101", "name": "Halden",
                  "emails": ["postmottak@halden.kommune.example"]}, "link": "https://barometer.example/#t=abc"}],
                 "updated": ["31"], "unchanged": 2, "invitedMeanwhile": []}"""));

        assertEquals(0, local("register", "import", "b-2026", register.toString(), "--links", links.toString()));

        assertEquals("nummer;navn;e-post;lenke\n3101;Halden;postmottak@halden.kommune.example;"
                + "https://barometer.example/#t=abc\n", Files.readString(links));
        assertEquals("", out());
        assertTrue(err().startsWith("1 invitert, 1 oppdatert, 2 uendret"), err());
    }

    @Test
    void refusalIsShownInTheProblemsOwnWordsWithEveryBadRow() {
        api.answer(new FakeApi.Canned(422, "application/problem+json", """
                {"type": "urn:barometer:problem:invalid-register", "title": "Registeret har feil", "status": 422,
                 "detail": "Registeret har 1 feil; ingenting fra filen er lagret.",
                 "errors": [{"line": 3, "field": "population", "message": "«mange» er ikke et innbyggertall."}]}"""
                .getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, local("register", "standard", "b-2026"));

        assertEquals("Registeret har feil (422): Registeret har 1 feil; ingenting fra filen er lagret."
                + System.lineSeparator() + "  linje 3, population: «mange» er ikke et innbyggertall."
                + System.lineSeparator(), err());
    }

    @Test
    void gatewaysOwnRefusalShowsItsMessageAndWhatToCheck() {
        api.answer(new FakeApi.Canned(403, "application/json",
                "{\"message\":\"Forbidden\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, local("surveys", "list"));
        assertTrue(err().startsWith("HTTP 403: Forbidden (API-et godtok ikke identiteten: admin-tokenet"), err());
    }

    @Test
    void failureOfTheServiceExitsWithTwo() {
        api.answer(new FakeApi.Canned(503, "application/problem+json",
                "{\"title\":\"Tjenesten er midlertidig utilgjengelig\",\"detail\":\"Prøv igjen.\"}"
                        .getBytes(StandardCharsets.UTF_8)));

        assertEquals(2, local("surveys", "list"));
        assertTrue(err().startsWith("Tjenesten er midlertidig utilgjengelig (503)"), err());
    }

    @Test
    void mailingDryRunIsPrintedAsATableOfRecipientsAndOfThoseLeftOut() {
        api.answer(FakeApi.Canned.json("""
                {"mailingId": "pam-1", "kind": "reminder",
                 "recipients": [{"orgNumber": "3101", "name": "Halden",
                   "addresses": ["postmottak@halden.example", "radgiver@halden.example"]}],
                 "excluded": [{"orgNumber": "3103", "name": "Moss", "reason": "completed"}]}"""));

        assertEquals(0, local("mailings", "dry-run", "b-2026", "--id", "pam-1", "--kind", "reminder",
                "--org", "3101,3103"), err());

        assertEquals("{\"mailingId\":\"pam-1\",\"kind\":\"reminder\",\"orgNumbers\":[\"3101\",\"3103\"]}",
                api.last().text().replaceAll("\\s", ""));
        List<String> lines = out().lines().toList();
        assertEquals(8, lines.size(), out());
        assertTrue(lines.get(0).matches("orgnr\\s+navn\\s+adresser"), lines.get(0));
        assertTrue(lines.get(2).strip().matches("3101\\s+Halden\\s+postmottak@halden.example, radgiver@halden.example"),
                lines.get(2));
        assertEquals("Får ikke e-posten:", lines.get(4));
        assertTrue(lines.get(7).strip().matches("3103\\s+Moss\\s+completed"), lines.get(7));
        assertTrue(err().startsWith("1 mottakere, 1 utelatt; ingenting er sendt"), err());
    }

    @Test
    void startedMailingIsConfirmedWithItsIdAndKind() {
        api.answer(new FakeApi.Canned(202, "application/json",
                "{\"mailingId\":\"inv-1\",\"kind\":\"invitation\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, local("mailings", "start", "b-2026", "--id", "inv-1", "--kind", "invitation"), err());

        assertEquals("{\"mailingId\":\"inv-1\",\"kind\":\"invitation\"}", api.last().text().replaceAll("\\s", ""));
        assertEquals("inv-1 (invitation): startet; følg den med «mailings show»" + System.lineSeparator(), out());
    }

    @Test
    void scheduledMailingCarriesTheTimeInItsBody() {
        api.answer(new FakeApi.Canned(202, "application/json",
                "{\"mailingId\":\"pam-1\",\"kind\":\"reminder\"}".getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, local("mailings", "schedule", "b-2026", "--id", "pam-1", "--kind", "reminder",
                "--at", "2026-09-15T09:00:00+02:00"), err());

        assertEquals("{\"mailingId\":\"pam-1\",\"kind\":\"reminder\",\"at\":\"2026-09-15T09:00:00+02:00\"}",
                api.last().text().replaceAll("\\s", ""));
        assertEquals("pam-1 (reminder): planlagt 2026-09-15T09:00:00+02:00" + System.lineSeparator(), out());
    }

    @Test
    void takenMailingIdIsRefusedInTheProblemsOwnWords() {
        api.answer(new FakeApi.Canned(409, "application/problem+json", """
                {"type": "urn:barometer:problem:mailing-exists", "title": "Utsendingen finnes", "status": 409,
                 "detail": "inv-1 er en annen utsending."}""".getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, local("mailings", "start", "b-2026", "--id", "inv-1", "--kind", "reminder"));

        assertEquals("Utsendingen finnes (409): inv-1 er en annen utsending." + System.lineSeparator(), err());
    }

    @Test
    void snapshotsAreListedAsATableWithTheLatestAndPublishedMarked() {
        api.answer(FakeApi.Canned.json("""
                {"snapshots": [
                  {"snapshotId": "s-2", "computedAt": "2026-09-02T08:00:00Z", "questionnaireId": "ib-2024",
                   "questionnaireVersion": 1, "completed": 40, "etag": "\\"e2\\"", "latest": true, "published": false},
                  {"snapshotId": "s-1", "computedAt": "2026-09-01T08:00:00Z", "questionnaireId": "ib-2024",
                   "questionnaireVersion": 1, "completed": 12, "etag": "\\"e1\\"", "latest": false, "published": true}],
                 "next": "s-1"}"""));

        assertEquals(0, local("snapshots", "list", "b-2026", "--limit", "2"), err());

        List<String> lines = out().lines().toList();
        assertEquals(4, lines.size(), out());
        assertTrue(lines.get(0).matches("id\\s+beregnet\\s+spørreskjema\\s+fullført\\s+siste\\s+publisert"),
                lines.get(0));
        assertTrue(lines.get(2).matches("s-2\\s+2026-09-02T08:00:00Z\\s+ib-2024 v1\\s+40\\s+ja"), lines.get(2));
        assertTrue(lines.get(3).matches("s-1\\s+2026-09-01T08:00:00Z\\s+ib-2024 v1\\s+12\\s+ja"), lines.get(3));
        assertTrue(err().contains("Flere: --before s-1"), err());
        assertEquals("/prod/v1/admin/surveys/b-2026/snapshots?limit=2", api.last().path());
    }

    @Test
    void recomputedSnapshotIsNamedWithItsCount() {
        api.answer(new FakeApi.Canned(201, "application/json", SNAPSHOT.getBytes(StandardCharsets.UTF_8)));

        assertEquals(0, local("snapshots", "compute", "b-2026"), err());

        assertEquals("s-1: beregnet 2026-09-01T08:15:00Z, 12 fullført" + System.lineSeparator(), out());
    }

    @Test
    void latestSnapshotIsWrittenToTheFileAsStored(@TempDir Path dir) throws IOException {
        byte[] snapshot = "{\"formatVersion\": 1, \"surveyId\": \"b-2026\", \"items\": []}".getBytes(StandardCharsets.UTF_8);
        api.answer(new FakeApi.Canned(200, "application/json", snapshot));
        Path file = dir.resolve("siste.json");

        assertEquals(0, local("snapshots", "latest", "b-2026", "--out", file.toString()), err());

        assertArrayEquals(snapshot, Files.readAllBytes(file));
        assertEquals("", out());
        assertTrue(err().contains("Lagret i " + file), err());
        assertEquals("/prod/v1/admin/surveys/b-2026/snapshots/latest", api.last().path());
    }

    @Test
    void snapshotWithoutAFileGoesToStandardOut() {
        api.answer(FakeApi.Canned.json("{\"formatVersion\": 1}"));

        assertEquals(0, local("snapshots", "show", "b-2026", "s-1"), err());

        assertEquals("{\"formatVersion\": 1}" + System.lineSeparator(), out());
    }

    @Test
    void missingSnapshotIsRefusedInTheProblemsOwnWords(@TempDir Path dir) {
        api.answer(new FakeApi.Canned(404, "application/problem+json", """
                {"type": "urn:barometer:problem:snapshot-not-found", "title": "Fant ikke øyeblikksbildet",
                 "status": 404, "detail": "Ingen øyeblikksbilder ennå."}""".getBytes(StandardCharsets.UTF_8)));

        assertEquals(1, local("snapshots", "latest", "b-2026", "--out", dir.resolve("x.json").toString()));

        assertTrue(err().contains("Fant ikke øyeblikksbildet (404): Ingen øyeblikksbilder ennå."), err());
    }

    @Test
    void publishedSnapshotShowsWhereItCanBeRead() {
        api.answer(FakeApi.Canned.json("""
                {"snapshotId": "s-1", "publishedAt": "2026-09-01T08:20:00Z",
                 "latestPath": "/results/data/b-2026/latest.json", "path": "/results/data/b-2026/s-1.json"}"""));

        assertEquals(0, local("snapshots", "publish", "b-2026", "s-1"), err());

        assertEquals("POST /prod/v1/admin/surveys/b-2026/snapshots/s-1/publish",
                api.last().method() + " " + api.last().path());
        assertEquals(List.of("s-1: publisert 2026-09-01T08:20:00Z", "  /results/data/b-2026/latest.json",
                "  /results/data/b-2026/s-1.json"), out().lines().toList());
    }

    @Test
    void everyCommandHasHelp() {
        List<CommandLine> commands = new ArrayList<>();
        collect(new CommandLine(new BarometerAdmin(Map.of(), CLOCK, System.out, System.err)), commands);
        assertEquals(1 + 5 + 25, commands.size(), "the top command, five groups and one per route");
        for (CommandLine command : commands) {
            out.reset();
            List<String> path = new ArrayList<>();
            for (CommandLine c = command; c.getParent() != null; c = c.getParent()) {
                path.add(0, c.getCommandName());
            }
            path.add("--help");

            assertEquals(0, run(Map.of(), path.toArray(String[]::new)), path.toString());

            assertTrue(out().startsWith("Usage: barometer-admin"), path + ": " + out());
            assertNull(api.requests.isEmpty() ? null : api.last(), "help sends nothing");
        }
    }

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }
}
