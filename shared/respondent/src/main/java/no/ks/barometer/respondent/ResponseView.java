package no.ks.barometer.respondent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.Json;
import no.ks.barometer.questionnaire.Questionnaire;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.rules.Progress;
import no.ks.barometer.rules.ResponseState;
import no.ks.barometer.rules.RulesEngine;

import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** The response as the respondent sees it (GET /v1/response, docs/respondent-api.md). */
final class ResponseView {

    private ResponseView() {
    }

    static ObjectNode of(StoredResponse response, RulesEngine engine, ResponseState state) {
        Questionnaire questionnaire = engine.questionnaire();
        ObjectNode view = Json.object();
        ObjectNode pinned = view.putObject("questionnaire");
        pinned.put("id", questionnaire.id());
        pinned.put("version", questionnaire.version());
        ObjectNode organisation = view.putObject("organisation");
        organisation.put("number", response.organisation().number());
        organisation.put("name", response.organisation().name());
        organisation.put("type", response.organisation().type().code());
        view.put("status", response.status().name());
        view.put("version", response.version());
        view.set("answers", response.answers());
        ArrayNode savedPages = view.putArray("savedPages");
        response.savedPages().forEach(savedPages::add);
        Optional<String> nextPage = response.status().acceptsAnswers()
                ? engine.nextPage(response.organisation().type(), state) : Optional.empty();
        view.put("nextPage", nextPage.orElse(null));
        Progress progress = engine.progress(response.organisation().type(), state);
        ObjectNode progressNode = view.putObject("progress");
        progressNode.put("done", progress.done());
        progressNode.put("total", progress.total());
        progressNode.put("percent", progress.percent());
        instant(view, "startedAt", response.times().startedAt());
        instant(view, "lastSavedAt", response.times().lastSavedAt());
        instant(view, "submittedAt", response.times().submittedAt());
        return view;
    }

    static ObjectNode withRemoved(ObjectNode view, Collection<String> removedQuestions) {
        ArrayNode removed = view.putArray("removedQuestions");
        removedQuestions.forEach(removed::add);
        return view;
    }

    private static void instant(ObjectNode view, String name, Instant value) {
        view.put(name, value == null ? null : value.toString());
    }
}
