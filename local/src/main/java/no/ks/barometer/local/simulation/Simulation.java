package no.ks.barometer.local.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.local.RespondentLink;
import no.ks.barometer.questionnaire.EndReason;
import no.ks.barometer.questionnaire.Option;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.questionnaire.QuestionnaireReader;
import no.ks.barometer.rules.Answer;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.GridAnswer;
import no.ks.barometer.rules.MultipleChoice;
import no.ks.barometer.rules.OpenText;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.SingleChoice;
import no.ks.barometer.rules.VisiblePage;
import no.ks.barometer.rules.VisibleQuestion;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Simulated respondents who answer through the real HTTP API, as the web app would: each reads its response, asks
 * for its questionnaire version, and answers the page the server names as next with random valid answers
 * (offered options only, exclusive options alone, at most {@code maxChoices}, a text with "other", every shown
 * grid row). Which organisations answer and what they choose follow from the seed.
 */
public final class Simulation {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double OPTIONAL_ANSWERED = 0.7;
    private static final double EXCLUSIVE_CHOSEN = 0.1;
    private static final int MAX_PAGES = 200;
    private static final int HALF_WAY = 50;
    private static final List<String> TEXTS = List.of(
            "Mer tid til utviklingsarbeid og bedre samarbeid på tvers av sektorene.",
            "Vi har fått god hjelp av nettverket i regionen.",
            "Kompetanse på gevinstrealisering.",
            "Bedre finansiering av felles digitale løsninger.",
            "Innbyggerdialog tidlig i prosjektene.");
    private static final String OTHER_TEXT = "Simulert: eget svar";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI baseUrl;
    private final Random random;
    private final Map<String, RulesEngine> engines = new HashMap<>();

    private Simulation(URI baseUrl, long seed) {
        this.baseUrl = baseUrl;
        this.random = new Random(seed);
    }

    /** Lets {@code count} distinct organisations answer, one after another, and prints a summary. */
    public static SimulationReport run(URI baseUrl, List<RespondentLink> links, int count, long seed,
                                       PrintStream out) {
        Simulation simulation = new Simulation(baseUrl, seed);
        List<RespondentLink> chosen = new ArrayList<>(links);
        Collections.shuffle(chosen, simulation.random);
        chosen = chosen.subList(0, Math.min(count, chosen.size()));
        if (chosen.size() < count) {
            out.println("Simulering: bare " + chosen.size() + " lenker er kjent, så bare så mange svarer.");
        }
        List<SimulationReport.Respondent> respondents = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            respondents.add(simulation.answer(chosen.get(i), Plan.forIndex(i)));
        }
        SimulationReport report = new SimulationReport(respondents);
        out.println("Simulering: " + respondents.size() + " respondenter, status: " + report.byStatus());
        report.failures().forEach(r -> out.println("  Feil for " + r.number() + " " + r.name() + ": "
                + r.failure().orElseThrow()));
        return report;
    }

    private SimulationReport.Respondent answer(RespondentLink link, Plan plan) {
        String token = link.url().getFragment().substring("t=".length());
        int saved = 0;
        String status = "UKJENT";
        try {
            Reply reply = call(token, "GET", "/v1/response", null);
            if (reply.status() != 200) {
                return failed(link, plan, status, saved, reply);
            }
            JsonNode response = reply.body();
            OrgType orgType = OrgType.fromCode(response.path("organisation").path("type").asText()).orElseThrow();
            RulesEngine engine = engine(response.path("questionnaire"));
            Questionnaire questionnaire = engine.questionnaire();
            status = response.path("status").asText();
            while (saved < MAX_PAGES && !response.path("nextPage").isNull() && isOpen(status)) {
                String pageId = response.path("nextPage").asText();
                ResponseState state = new ResponseState(
                        AnswerCodec.read(questionnaire, response.path("answers")).answers(),
                        JSON.convertValue(response.path("savedPages"), JSON.getTypeFactory()
                                .constructCollectionType(List.class, String.class)));
                if (plan == Plan.STOP_HALF_WAY && response.path("progress").path("percent").asInt() >= HALF_WAY) {
                    break;
                }
                List<VisiblePage> pages = engine.visibility(orgType, state).pages();
                VisiblePage page = pages.stream().filter(p -> p.page().id().equals(pageId)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("neste side " + pageId + " er ikke synlig"));
                ObjectNode body = JSON.createObjectNode();
                body.put("version", response.path("version").asInt());
                body.set("answers", AnswerCodec.write(answers(page, plan == Plan.DECLINE)));
                reply = call(token, "PUT", "/v1/response/pages/" + pageId, body);
                if (reply.status() != 200) {
                    return failed(link, plan, status, saved, reply);
                }
                saved++;
                response = reply.body();
                status = response.path("status").asText();
            }
            if (plan == Plan.SUBMIT && isOpen(status) && response.path("nextPage").isNull()) {
                ObjectNode body = JSON.createObjectNode().put("version", response.path("version").asInt());
                reply = call(token, "POST", "/v1/response/submit", body);
                if (reply.status() != 200) {
                    return failed(link, plan, status, saved, reply);
                }
                status = reply.body().path("status").asText();
            }
            return new SimulationReport.Respondent(link.number(), link.name(), plan, status, saved, Optional.empty());
        } catch (IOException | RuntimeException e) {
            return new SimulationReport.Respondent(link.number(), link.name(), plan, status, saved,
                    Optional.of(e.toString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new SimulationReport.Respondent(link.number(), link.name(), plan, status, saved,
                    Optional.of("avbrutt"));
        }
    }

    private static boolean isOpen(String status) {
        return status.equals("INVITED") || status.equals("OPENED") || status.equals("IN_PROGRESS");
    }

    private static SimulationReport.Respondent failed(RespondentLink link, Plan plan, String status, int saved,
                                                      Reply reply) {
        return new SimulationReport.Respondent(link.number(), link.name(), plan, status, saved,
                Optional.of("HTTP " + reply.status() + ": " + reply.body()));
    }

    /** The rules of the questionnaire version the response is pinned to, read from the API like the web app. */
    private RulesEngine engine(JsonNode pinned) throws IOException, InterruptedException {
        String id = pinned.path("id").asText();
        int version = pinned.path("version").asInt();
        String key = id + "@" + version;
        RulesEngine engine = engines.get(key);
        if (engine == null) {
            HttpResponse<byte[]> definition = http.send(HttpRequest.newBuilder(
                            baseUrl.resolve("/v1/questionnaires/" + id + "?version=" + version)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (definition.statusCode() != 200) {
                throw new IllegalStateException("spørreskjemaet " + key + " svarte " + definition.statusCode());
            }
            engine = new RulesEngine(QuestionnaireReader.read(key, definition.body()));
            engines.put(key, engine);
        }
        return engine;
    }

    private Map<String, Answer> answers(VisiblePage page, boolean decline) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        for (VisibleQuestion question : page.questions()) {
            Optional<Option> ending = question.options().stream()
                    .filter(o -> o.endsSurvey().equals(Optional.of(EndReason.DECLINED))).findFirst();
            if (decline && ending.isPresent()) {
                answers.put(question.question().id(), new SingleChoice(ending.get().code()));
                return answers;
            }
            if (!question.question().required() && random.nextDouble() > OPTIONAL_ANSWERED) {
                continue;
            }
            answer(question).ifPresent(answer -> answers.put(question.question().id(), answer));
        }
        return answers;
    }

    private Optional<Answer> answer(VisibleQuestion visible) {
        List<Option> offered = visible.options().stream().filter(o -> o.endsSurvey().isEmpty()).toList();
        return switch (visible.question().type()) {
            case SINGLE -> {
                if (offered.isEmpty()) {
                    yield Optional.empty();
                }
                Option option = offered.get(random.nextInt(offered.size()));
                yield Optional.of(new SingleChoice(option.code(), option.other() ? OTHER_TEXT : null));
            }
            case MULTIPLE -> multiple(visible, offered);
            case TEXT -> Optional.of(new OpenText(TEXTS.get(random.nextInt(TEXTS.size()))));
            case GRID -> {
                if (visible.rows().isEmpty() || visible.question().columns().isEmpty()) {
                    yield Optional.empty();
                }
                Map<Integer, String> rows = new LinkedHashMap<>();
                visible.rows().forEach(row -> rows.put(row.code(), visible.question().columns()
                        .get(random.nextInt(visible.question().columns().size())).code()));
                yield Optional.of(new GridAnswer(rows));
            }
        };
    }

    private Optional<Answer> multiple(VisibleQuestion visible, List<Option> offered) {
        List<Option> exclusive = offered.stream().filter(Option::exclusive).toList();
        List<Option> combinable = new ArrayList<>(offered.stream().filter(o -> !o.exclusive()).toList());
        if (!exclusive.isEmpty() && (combinable.isEmpty() || random.nextDouble() < EXCLUSIVE_CHOSEN)) {
            return Optional.of(new MultipleChoice(List.of(exclusive.get(random.nextInt(exclusive.size())).code())));
        }
        if (combinable.isEmpty()) {
            return Optional.empty();
        }
        int limit = Math.min(combinable.size(), visible.question().maxChoices().orElse(3));
        int count = 1 + random.nextInt(limit);
        Collections.shuffle(combinable, random);
        List<Option> chosen = combinable.subList(0, count);
        boolean other = chosen.stream().anyMatch(Option::other);
        return Optional.of(new MultipleChoice(chosen.stream().map(Option::code).toList(), other ? OTHER_TEXT : null));
    }

    private record Reply(int status, JsonNode body) {
    }

    private Reply call(String token, String method, String path, JsonNode body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        }
        HttpResponse<byte[]> response = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = response.body().length == 0 ? JSON.nullNode() : JSON.readTree(response.body());
        return new Reply(response.statusCode(), json);
    }
}
