package no.ks.barometer.local.simulation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.local.RespondentLink;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.rules.AnswerCodec;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;
import no.ks.barometer.rules.VisiblePage;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicIntegerArray;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Every organisation answers at once through the real HTTP API, as people with browsers do: with random pauses,
 * going back to change an earlier page, a second tab with an older state saving over the first, and requests sent
 * twice as after a lost reply. Each respondent keeps what the server last confirmed to it (a {@code 200}'s body, or
 * a {@code 409}'s {@code current}); afterwards every stored response must equal that, answer for answer.
 */
public final class LoadRun {

    /**
     * How the respondents behave.
     *
     * @param maxPause   the longest pause between two steps (each pause is random up to this)
     * @param maxPages   page saves a respondent makes at most before it leaves (or submits, when its plan is to and
     *                   nothing is left); {@link Integer#MAX_VALUE} lets each follow its plan to the end
     * @param seed       seeds every respondent's choices, so a run can be repeated
     */
    public record Settings(Duration maxPause, int maxPages, long seed) {
    }

    /** What happened to one kind of step, counted over every respondent. */
    public enum Step {
        /** A page saved in order, as the server named it next. */
        NEXT_PAGE,
        /** An earlier saved page saved again with other answers. */
        BACK_AND_CHANGE,
        /** The second tab, with the state it last saw, saves over the first. */
        SECOND_TAB,
        /** The same request sent again, as after a reply that never arrived. */
        RETRY,
        /** A save refused as stale ({@code 409}), after which the client goes on from the state the server sent. */
        CONFLICT,
        SUBMIT
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final double BACK = 0.15;
    private static final double SECOND_TAB = 0.1;
    private static final double RETRY = 0.15;
    private static final int MAX_STEPS = 400;

    private final RespondentApi api;
    private final Settings settings;
    private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
    private final AtomicIntegerArray statusClasses = new AtomicIntegerArray(6);
    private final AtomicLongArray steps = new AtomicLongArray(Step.values().length);

    private LoadRun(URI baseUrl, Settings settings) {
        this.settings = settings;
        this.api = new RespondentApi(baseUrl, reply -> {
            latencies.add(reply.nanos());
            statusClasses.incrementAndGet(Math.min(5, reply.status() / 100));
        });
    }

    /** Lets every linked organisation answer at once, each on a virtual thread, and checks what was stored. */
    public static LoadReport run(URI baseUrl, List<RespondentLink> links, Settings settings)
            throws InterruptedException {
        LoadRun run = new LoadRun(baseUrl, settings);
        long start = System.nanoTime();
        List<Future<Optional<String>>> outcomes = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < links.size(); i++) {
                RespondentLink link = links.get(i);
                Random random = new Random(settings.seed() * 1_000_003L + i);
                Plan plan = Plan.forIndex(i);
                outcomes.add(threads.submit(() -> run.new Visit(link, plan, random).run()));
            }
        }
        long elapsed = System.nanoTime() - start;
        List<String> problems = new ArrayList<>();
        for (Future<Optional<String>> outcome : outcomes) {
            try {
                outcome.get().ifPresent(problems::add);
            } catch (ExecutionException e) {
                problems.add(e.getCause().toString());
            }
        }
        Map<Step, Long> counted = new EnumMap<>(Step.class);
        for (Step step : Step.values()) {
            counted.put(step, run.steps.get(step.ordinal()));
        }
        Map<Integer, Integer> byClass = new TreeMap<>();
        for (int i = 1; i < 6; i++) {
            if (run.statusClasses.get(i) > 0) {
                byClass.put(i * 100, run.statusClasses.get(i));
            }
        }
        return new LoadReport(links.size(), Duration.ofNanos(elapsed), List.copyOf(run.latencies), byClass, counted,
                problems);
    }

    /** One respondent's state as one tab last saw it. */
    private static final class Tab {
        JsonNode response;

        Tab(JsonNode response) {
            this.response = response;
        }
    }

    /** One respondent's whole visit; {@link #run()} describes what went wrong, or is empty. */
    private final class Visit {
        private final RespondentLink link;
        private final String token;
        private final Plan plan;
        private final Random random;
        private final RandomAnswers answers;
        /** What the server confirmed last, to either tab: what the table must hold at the end. */
        private JsonNode confirmed;

        Visit(RespondentLink link, Plan plan, Random random) {
            this.link = link;
            this.token = link.url().getFragment().substring("t=".length());
            this.plan = plan;
            this.random = random;
            this.answers = new RandomAnswers(random);
        }

        Optional<String> run() throws IOException, InterruptedException {
            RespondentApi.Reply opened = api.call(token, "GET", "/v1/response", null);
            if (opened.status() != 200) {
                return failure("GET /v1/response", opened);
            }
            confirmed = opened.body();
            Tab first = new Tab(confirmed);
            Tab second = new Tab(confirmed);
            RulesEngine engine = api.engine(confirmed.path("questionnaire"));
            OrgType orgType = OrgType.fromCode(confirmed.path("organisation").path("type").asText()).orElseThrow();
            int saved = 0;
            for (int step = 0; step < MAX_STEPS && saved < settings.maxPages(); step++) {
                pause();
                String status = confirmed.path("status").asText();
                if (!Simulation.isOpen(status) || confirmed.path("nextPage").isNull()
                        || (plan == Plan.STOP_HALF_WAY
                        && confirmed.path("progress").path("percent").asInt() >= Simulation.HALF_WAY)) {
                    break;
                }
                double roll = random.nextDouble();
                Tab tab = roll < SECOND_TAB ? second : first;
                Optional<String> pageId = roll < SECOND_TAB || roll >= SECOND_TAB + BACK
                        ? Optional.of(tab.response.path("nextPage").asText())
                        : earlierPage(engine, orgType, tab.response, random);
                if (pageId.isEmpty() || pageId.get().equals("null")) {
                    pageId = Optional.of(first.response.path("nextPage").asText());
                    tab = first;
                }
                Step kind = tab == second ? Step.SECOND_TAB
                        : pageId.get().equals(tab.response.path("nextPage").asText()) ? Step.NEXT_PAGE
                        : Step.BACK_AND_CHANGE;
                Optional<String> problem = save(engine, orgType, tab, pageId.get(), kind);
                if (problem.isPresent()) {
                    return problem;
                }
                saved++;
                if (tab == first && random.nextDouble() < SECOND_TAB) {
                    // The second tab is reloaded now and then; otherwise it keeps an ever older state.
                    second.response = first.response;
                }
            }
            if (plan == Plan.SUBMIT && saved < settings.maxPages() && Simulation.isOpen(confirmed.path("status").asText())
                    && confirmed.path("nextPage").isNull()) {
                Optional<String> problem = submit();
                if (problem.isPresent()) {
                    return problem;
                }
            }
            return verify();
        }

        private Optional<String> save(RulesEngine engine, OrgType orgType, Tab tab, String pageId, Step kind)
                throws IOException, InterruptedException {
            ResponseState state = Simulation.state(engine, tab.response);
            Optional<VisiblePage> page = engine.visibility(orgType, state).pages().stream()
                    .filter(p -> p.page().id().equals(pageId)).findFirst();
            if (page.isEmpty()) {
                return Optional.of(link.number() + ": side " + pageId + " er ikke synlig i fanens tilstand");
            }
            ObjectNode body = JSON.createObjectNode();
            body.put("version", tab.response.path("version").asInt());
            body.set("answers", AnswerCodec.write(answers.forPage(page.get(), plan == Plan.DECLINE)));
            String path = "/v1/response/pages/" + pageId;
            RespondentApi.Reply reply = api.call(token, "PUT", path, body);
            steps.incrementAndGet(kind.ordinal());
            if (reply.status() == 200 && random.nextDouble() < RETRY) {
                RespondentApi.Reply again = api.call(token, "PUT", path, body);
                steps.incrementAndGet(Step.RETRY.ordinal());
                if (again.status() != 200 || !again.body().path("version").equals(reply.body().path("version"))) {
                    return failure("gjentatt PUT " + path, again);
                }
                reply = again;
            }
            switch (reply.status()) {
                case 200 -> {
                    confirmed = reply.body();
                    tab.response = confirmed;
                }
                case 409 -> {
                    if (!reply.body().has("current")) {
                        return failure("PUT " + path, reply);
                    }
                    steps.incrementAndGet(Step.CONFLICT.ordinal());
                    confirmed = reply.body().path("current");
                    tab.response = confirmed;
                }
                default -> {
                    return failure("PUT " + path + " fra " + kind, reply);
                }
            }
            return Optional.empty();
        }

        private Optional<String> submit() throws IOException, InterruptedException {
            ObjectNode body = JSON.createObjectNode().put("version", confirmed.path("version").asInt());
            RespondentApi.Reply reply = api.call(token, "POST", "/v1/response/submit", body);
            steps.incrementAndGet(Step.SUBMIT.ordinal());
            if (reply.status() == 200 && random.nextDouble() < RETRY) {
                reply = api.call(token, "POST", "/v1/response/submit", body);
                steps.incrementAndGet(Step.RETRY.ordinal());
            }
            if (reply.status() != 200 || !reply.body().path("status").asText().equals("COMPLETED")) {
                return failure("POST /v1/response/submit", reply);
            }
            confirmed = reply.body();
            return Optional.empty();
        }

        /** The stored response, read back, against what the server last confirmed to this respondent. */
        private Optional<String> verify() throws IOException, InterruptedException {
            RespondentApi.Reply stored = api.call(token, "GET", "/v1/response", null);
            if (stored.status() != 200) {
                return failure("GET /v1/response til slutt", stored);
            }
            JsonNode now = stored.body();
            List<String> differences = new ArrayList<>();
            for (String field : List.of("answers", "version", "status", "savedPages")) {
                if (!now.path(field).equals(confirmed.path(field))) {
                    differences.add(field + ": lagret " + now.path(field) + ", bekreftet " + confirmed.path(field));
                }
            }
            return differences.isEmpty() ? Optional.empty()
                    : Optional.of(link.number() + " " + link.name() + ": " + String.join("; ", differences));
        }

        /** A saved page the respondent can go back to: one the rules engine calls reachable, as the web app does. */
        private Optional<String> earlierPage(RulesEngine engine, OrgType orgType, JsonNode response, Random random) {
            ResponseState state = Simulation.state(engine, response);
            List<String> reachable = engine.visibility(orgType, state).pages().stream()
                    .map(page -> page.page().id())
                    .filter(id -> state.savedPages().contains(id) && engine.reachable(orgType, state, id))
                    .toList();
            return reachable.isEmpty() ? Optional.empty()
                    : Optional.of(reachable.get(random.nextInt(reachable.size())));
        }

        private void pause() throws InterruptedException {
            long max = settings.maxPause().toMillis();
            if (max > 0) {
                Thread.sleep(random.nextLong(max + 1));
            }
        }

        private Optional<String> failure(String what, RespondentApi.Reply reply) {
            return Optional.of(link.number() + " " + link.name() + ": " + what + " svarte " + reply.status() + " "
                    + reply.body());
        }
    }

}
