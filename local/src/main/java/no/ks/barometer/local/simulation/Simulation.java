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
    private static final int MAX_PAGES = 200;
    /** Progress in percent at which a respondent who stops half way leaves. */
    static final int HALF_WAY = 50;

    private final RespondentApi api;
    private final Random random;
    private final RandomAnswers answers;

    private Simulation(URI baseUrl, long seed) {
        this.api = new RespondentApi(baseUrl, reply -> { });
        this.random = new Random(seed);
        this.answers = new RandomAnswers(random);
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
            RespondentApi.Reply reply = api.call(token, "GET", "/v1/response", null);
            if (reply.status() != 200) {
                return failed(link, plan, status, saved, reply);
            }
            JsonNode response = reply.body();
            OrgType orgType = OrgType.fromCode(response.path("organisation").path("type").asText()).orElseThrow();
            RulesEngine engine = api.engine(response.path("questionnaire"));
            Questionnaire questionnaire = engine.questionnaire();
            status = response.path("status").asText();
            while (saved < MAX_PAGES && !response.path("nextPage").isNull() && isOpen(status)) {
                String pageId = response.path("nextPage").asText();
                ResponseState state = state(engine, response);
                if (plan == Plan.STOP_HALF_WAY && response.path("progress").path("percent").asInt() >= HALF_WAY) {
                    break;
                }
                List<VisiblePage> pages = engine.visibility(orgType, state).pages();
                VisiblePage page = pages.stream().filter(p -> p.page().id().equals(pageId)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("neste side " + pageId + " er ikke synlig"));
                ObjectNode body = JSON.createObjectNode();
                body.put("version", response.path("version").asInt());
                body.set("answers", AnswerCodec.write(answers.forPage(page, plan == Plan.DECLINE)));
                reply = api.call(token, "PUT", "/v1/response/pages/" + pageId, body);
                if (reply.status() != 200) {
                    return failed(link, plan, status, saved, reply);
                }
                saved++;
                response = reply.body();
                status = response.path("status").asText();
            }
            if (plan == Plan.SUBMIT && isOpen(status) && response.path("nextPage").isNull()) {
                ObjectNode body = JSON.createObjectNode().put("version", response.path("version").asInt());
                reply = api.call(token, "POST", "/v1/response/submit", body);
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

    /** The answers and saved pages of a response as the API sends it, as the rules engine reads them. */
    static ResponseState state(RulesEngine engine, JsonNode response) {
        return new ResponseState(
                AnswerCodec.read(engine.questionnaire(), response.path("answers")).answers(),
                JSON.convertValue(response.path("savedPages"), JSON.getTypeFactory()
                        .constructCollectionType(List.class, String.class)));
    }

    static boolean isOpen(String status) {
        return status.equals("INVITED") || status.equals("OPENED") || status.equals("IN_PROGRESS");
    }

    private static SimulationReport.Respondent failed(RespondentLink link, Plan plan, String status, int saved,
                                                      RespondentApi.Reply reply) {
        return new SimulationReport.Respondent(link.number(), link.name(), plan, status, saved,
                Optional.of("HTTP " + reply.status() + ": " + reply.body()));
    }

}
