package no.ks.barometer.http.respondent;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ApiReply;
import no.ks.barometer.http.Json;
import no.ks.barometer.http.ProblemError;
import no.ks.barometer.http.ProblemType;
import no.ks.barometer.http.Replies;
import no.ks.barometer.respondent.RespondentOutcome;
import no.ks.barometer.respondent.RespondentView;
import no.ks.barometer.rules.Problem;
import no.ks.barometer.rules.Visibility;
import no.ks.barometer.rules.VisiblePage;
import no.ks.barometer.rules.VisibleQuestion;

import java.time.Instant;
import java.util.List;

/** The one place where a respondent use case's outcome becomes its reply (docs/respondent-api.md). */
public final class RespondentReplies {

    private RespondentReplies() {
    }

    public static ApiReply reply(RespondentOutcome outcome) {
        return switch (outcome) {
            case RespondentOutcome.Shown(RespondentView view) -> Replies.json(200, view(view))
                    .forOrganisation(view.organisation().number());
            case RespondentOutcome.Saved(RespondentView view, List<String> removed) -> Replies.json(200,
                    withRemoved(view(view), removed)).forOrganisation(view.organisation().number());
            case RespondentOutcome.Submitted(RespondentView view) -> Replies.json(200, view(view))
                    .forOrganisation(view.organisation().number());
            case RespondentOutcome.Conflict(RespondentView current) -> Replies.problem(ApiProblem.conflict(
                    "Besvarelsen er lagret fra et annet sted siden du hentet den. Se over svarene og prøv igjen.",
                    view(current))).forOrganisation(current.organisation().number());
            case RespondentOutcome.Closed(String orgNumber) -> Replies.problem(ApiProblem.of(
                    ProblemType.RESPONSE_CLOSED, "Besvarelsen er sendt inn eller avsluttet og kan ikke endres."))
                    .forOrganisation(orgNumber);
            case RespondentOutcome.NoToken() -> Replies.problem(ApiProblem.NO_TOKEN);
            case RespondentOutcome.InvalidToken() -> Replies.problem(ApiProblem.INVALID_TOKEN);
            case RespondentOutcome.SurveyClosed() -> Replies.problem(ApiProblem.of(ProblemType.SURVEY_CLOSED,
                    "Undersøkelsen tar ikke imot svar nå."));
            case RespondentOutcome.PageNotFound(String orgNumber, String pageId) -> Replies.problem(ApiProblem.of(
                    ProblemType.PAGE_NOT_FOUND, "Spørreskjemaet har ingen side med id «" + pageId + "»."))
                    .forOrganisation(orgNumber);
            case RespondentOutcome.Refused(String orgNumber, String detail, List<Problem> problems) ->
                    Replies.problem(ApiProblem.validationFailed(detail, errors(problems)))
                            .forOrganisation(orgNumber);
        };
    }

    /** The response as the respondent sees it, in the shape of docs/respondent-api.md. */
    static ObjectNode view(RespondentView response) {
        ObjectNode view = Json.object();
        ObjectNode pinned = view.putObject("questionnaire");
        pinned.put("id", response.questionnaireId());
        pinned.put("version", response.questionnaireVersion());
        ObjectNode organisation = view.putObject("organisation");
        organisation.put("number", response.organisation().number());
        organisation.put("name", response.organisation().name());
        organisation.put("type", response.organisation().type().code());
        view.put("status", response.status().name());
        view.put("version", response.version());
        view.set("answers", response.answers());
        ArrayNode savedPages = view.putArray("savedPages");
        response.savedPages().forEach(savedPages::add);
        view.put("nextPage", response.nextPage().orElse(null));
        ObjectNode progress = view.putObject("progress");
        progress.put("done", response.progress().done());
        progress.put("total", response.progress().total());
        progress.put("percent", response.progress().percent());
        instant(view, "startedAt", response.times().startedAt());
        instant(view, "lastSavedAt", response.times().lastSavedAt());
        instant(view, "submittedAt", response.times().submittedAt());
        view.set("visible", visible(response.visible()));
        return view;
    }

    /** Option codes as JSON integers and row codes too, as the definition and the answers write them. */
    private static ObjectNode visible(Visibility visibility) {
        ObjectNode visible = Json.object();
        ArrayNode pages = visible.putArray("pages");
        for (VisiblePage page : visibility.pages()) {
            ObjectNode pageNode = pages.addObject();
            pageNode.put("id", page.page().id());
            ArrayNode questions = pageNode.putArray("questions");
            for (VisibleQuestion question : page.questions()) {
                ObjectNode questionNode = questions.addObject();
                questionNode.put("id", question.question().id());
                ArrayNode options = questionNode.putArray("options");
                question.options().forEach(option -> options.add(option.code()));
                ArrayNode rows = questionNode.putArray("rows");
                question.rows().forEach(row -> rows.add(row.code()));
            }
        }
        visible.put("ended", visibility.ended().map(Enum::name).orElse(null));
        return visible;
    }

    private static ObjectNode withRemoved(ObjectNode view, List<String> removedQuestions) {
        ArrayNode removed = view.putArray("removedQuestions");
        removedQuestions.forEach(removed::add);
        return view;
    }

    private static List<ProblemError> errors(List<Problem> problems) {
        return problems.stream().map(problem -> new ProblemError(problem.question(), problem.code().name(),
                problem.message(), problem.row(), problem.option())).toList();
    }

    private static void instant(ObjectNode view, String name, Instant value) {
        view.put(name, value == null ? null : value.toString());
    }
}
