package no.ks.barometer.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Mailings end to end through the local stack over HTTP, as an administrator with the admin token starts them: the
 * mailer (invoked asynchronously through the stack's Lambda endpoint) writes every mail to the outbox; each
 * {@code .eml} is parsed with Jakarta Mail and its link opened against the stack.
 */
class LocalMailingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String SURVEY = "/v1/admin/surveys/innovasjonsbarometer-2024/mailings";
    private static final Pattern LINK = Pattern.compile("http://127\\.0\\.0\\.1:\\d+/#t=([A-Za-z0-9_-]{22})");
    /** A kommune that declines and one that says it is the wrong recipient, before any mailing. */
    private static final String DECLINED = "3101";
    private static final String WRONG_RECIPIENT = "3103";
    private static final List<String> CHOSEN = List.of("0301", "3101", "4601", "50", "1108");

    @TempDir
    static Path dir;
    private static LocalStack stack;
    private static String printed;
    private static ByteArrayOutputStream console;
    private static Map<String, RespondentLink> links;

    @BeforeAll
    static void start() throws Exception {
        console = new ByteArrayOutputStream();
        stack = LocalStack.start(Options.parse("--port", "0", "--data", dir.resolve("data").toString()),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        printed = console.toString(StandardCharsets.UTF_8);
        links = stack.links().stream().collect(Collectors.toMap(RespondentLink::number, link -> link));
        answerQ0(DECLINED, 2);
        answerQ0(WRONG_RECIPIENT, 3);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void stackPrintsWhereTheOutboxIs() {
        assertTrue(printed.contains(stack.outboxFolder().toAbsolutePath().toString()), printed);
        assertEquals(dir.resolve("data").resolve(LocalStack.LINK_KEY_FILE_NAME), stack.linkKeyFile());
    }

    @Test
    void dryRunNamesWhoWouldGetTheMailAndWhyTheOthersWouldNot() throws Exception {
        HttpResponse<String> plan = admin("POST", SURVEY + "/dry-run",
                "{\"mailingId\":\"dry\",\"kind\":\"reminder\",\"orgNumbers\":[\"3101\",\"3103\",\"0301\",\"9999\"]}");

        assertEquals(200, plan.statusCode(), plan.body());
        JsonNode body = JSON.readTree(plan.body());
        assertEquals(List.of("0301"), numbers(body.path("recipients")));
        Map<String, String> reasons = new TreeMap<>();
        body.path("excluded").forEach(e -> reasons.put(e.path("orgNumber").asText(), e.path("reason").asText()));
        assertEquals(Map.of(DECLINED, "declined", WRONG_RECIPIENT, "wrong-recipient", "9999", "not-invited"),
                reasons);
        assertFalse(Files.list(stack.outboxFolder()).anyMatch(f -> f.getFileName().toString().startsWith("dry-")));
    }

    @Test
    void invitationStartedThroughTheAdminApiReachesTheOutboxAndEachLinkOpensThatOrganisationsResponse()
            throws Exception {
        HttpResponse<String> started = admin("POST", SURVEY, "{\"mailingId\":\"invitasjon\",\"kind\":\"invitation\","
                + "\"orgNumbers\":" + JSON.writeValueAsString(CHOSEN) + "}");
        assertEquals(202, started.statusCode(), started.body());

        Map<String, Mail> mails = awaitMails("invitasjon", CHOSEN.size() - 1);

        assertEquals(new TreeSet<>(CHOSEN.stream().filter(n -> !n.equals(DECLINED)).toList()), mails.keySet());
        for (Map.Entry<String, Mail> entry : mails.entrySet()) {
            Mail mail = entry.getValue();
            assertEquals(links.get(entry.getKey()).url().toString(), mail.link(), "the link the seed issued");
            assertEquals(entry.getKey(), openedOrganisation(mail.token()), "the link opens its own response");
            assertTrue(mail.to().stream().allMatch(address -> address.endsWith(".example")), mail.to().toString());
        }
        JsonNode progress = JSON.readTree(admin("GET", SURVEY + "/invitasjon", null).body());
        assertEquals(CHOSEN.size() - 1, progress.path("sent").asInt());
        assertEquals(0, progress.path("inDoubt").asInt());
    }

    @Test
    void reminderGoesToExactlyThoseWhoseResponseIsOpenWithTheSameLinkAsTheInvitation() throws Exception {
        HttpResponse<String> started = admin("POST", SURVEY, "{\"mailingId\":\"paaminnelse\",\"kind\":\"reminder\"}");
        assertEquals(202, started.statusCode(), started.body());

        Set<String> open = new TreeSet<>(links.keySet());
        open.removeAll(Set.of(DECLINED, WRONG_RECIPIENT));
        Map<String, Mail> mails = awaitMails("paaminnelse", open.size());

        assertEquals(open, mails.keySet());
        for (Map.Entry<String, Mail> entry : mails.entrySet()) {
            assertEquals(links.get(entry.getKey()).url().toString(), entry.getValue().link(), entry.getKey());
        }
        assertTrue(mails.get("0301").subject().toLowerCase(java.util.Locale.ROOT).contains("påminn"),
                mails.get("0301").subject());
        HttpResponse<String> again = admin("POST", SURVEY, "{\"mailingId\":\"paaminnelse\",\"kind\":\"reminder\"}");
        assertEquals(202, again.statusCode(), "started again, it is accepted");
        awaitConsole("\"mailingId\":\"paaminnelse\",\"sent\":0,");
        assertEquals(open.size(), mails("paaminnelse").size(), "and sends nobody a second mail");
    }

    @Test
    void scheduledReminderIsSentAtItsTimeAndNotBefore() throws Exception {
        Instant at = Instant.now().plusSeconds(3);
        HttpResponse<String> scheduled = admin("POST", SURVEY + "/scheduled", "{\"mailingId\":\"planlagt\","
                + "\"kind\":\"reminder\",\"orgNumbers\":[\"4601\"],\"at\":\"" + at + "\"}");
        assertEquals(202, scheduled.statusCode(), scheduled.body());
        assertTrue(mails("planlagt").isEmpty(), "nothing is sent before the time");

        Map<String, Mail> mails = awaitMails("planlagt", 1);

        assertFalse(Instant.now().isBefore(at.minusMillis(1000)), "sent at its time (to the second)");
        assertEquals(links.get("4601").url().toString(), mails.get("4601").link());
    }

    private record Mail(String subject, List<String> to, String link, String token) {
    }

    private static void awaitConsole(String text) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (!console.toString(StandardCharsets.UTF_8).contains(text) && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
        }
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(text), console.toString(StandardCharsets.UTF_8));
    }

    private static Map<String, Mail> awaitMails(String mailingId, int count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        Map<String, Mail> mails = mails(mailingId);
        while (mails.size() < count && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            mails = mails(mailingId);
        }
        assertEquals(count, mails.size(), console.toString(StandardCharsets.UTF_8));
        return mails;
    }

    /** The mailing's mails in the outbox by organisation number, each parsed as a mail program would. */
    private static Map<String, Mail> mails(String mailingId) throws Exception {
        Map<String, Mail> mails = new HashMap<>();
        try (Stream<Path> files = Files.list(stack.outboxFolder())) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                if (!name.startsWith(mailingId + "-") || !name.endsWith(".eml")) {
                    continue;
                }
                mails.put(name.substring(mailingId.length() + 1, name.length() - ".eml".length()), parse(file));
            }
        }
        return mails;
    }

    private static Mail parse(Path file) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()), in);
            String text = (String) ((Multipart) message.getContent()).getBodyPart(0).getContent();
            Matcher link = LINK.matcher(text);
            assertTrue(link.find(), "a link in " + file);
            List<String> to = Stream.of(message.getAllRecipients())
                    .map(address -> ((InternetAddress) address).getAddress()).toList();
            return new Mail(message.getSubject(), to, link.group(), link.group(1));
        }
    }

    private static String openedOrganisation(String token) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/v1/response"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return JSON.readTree(response.body()).path("organisation").path("number").asText();
    }

    private static void answerQ0(String orgNumber, int choice) throws Exception {
        String token = links.get(orgNumber).url().getFragment().substring("t=".length());
        HttpResponse<String> saved = HTTP.send(HttpRequest.newBuilder(stack.baseUrl().resolve("/v1/response/pages/q0"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"version\":0,\"answers\":{\"Q0\":{\"choice\":" + choice
                        + "}}}")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, saved.statusCode(), saved.body());
    }

    private static HttpResponse<String> admin(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.baseUrl().resolve(path))
                .header("Authorization", "Bearer " + stack.adminToken());
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return HTTP.send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<String> numbers(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false)
                .map(node -> node.path("orgNumber").asText()).toList();
    }
}
