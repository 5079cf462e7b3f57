package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.barometer.admin.NewSurvey;
import no.ks.barometer.admin.SurveyAdmin;

import java.time.Clock;
import java.util.Set;

/** Surveys: list, create, read, open, close, extend. */
@Path("/v1/admin/surveys")
public final class SurveysResource {

    private static final Set<String> NEW_SURVEY = Set.of("id", "title", "questionnaireId", "questionnaireVersion",
            "opensAt", "closesAt", "linkBaseUrl");

    private final SurveyAdmin surveys;
    private final Clock clock;

    SurveysResource(SurveyAdmin surveys, Clock clock) {
        this.surveys = surveys;
        this.clock = clock;
    }

    @GET
    public Response list() {
        return Answers.json(200, Views.surveys(surveys.list(), clock));
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response create(byte[] body, @Context ContainerRequestContext request) {
        JsonNode json = Bodies.object(body, NEW_SURVEY);
        NewSurvey survey = new NewSurvey(Bodies.text(json, "id"), Bodies.text(json, "title"),
                Bodies.text(json, "questionnaireId"), Bodies.wholeNumber(json, "questionnaireVersion"),
                Bodies.instant(json, "opensAt"), Bodies.instant(json, "closesAt"), Bodies.text(json, "linkBaseUrl"));
        return Answers.of(surveys.create(survey, CallerFilter.actor(request)), 201, s -> Views.survey(s, clock));
    }

    @GET
    @Path("{surveyId}")
    public Response get(@PathParam("surveyId") String surveyId) {
        return Answers.of(surveys.get(surveyId), 200, s -> Views.survey(s, clock));
    }

    @POST
    @Path("{surveyId}/open")
    public Response open(@PathParam("surveyId") String surveyId, @Context ContainerRequestContext request) {
        return Answers.of(surveys.open(surveyId, CallerFilter.actor(request)), 200, c -> Views.change(c, clock));
    }

    @POST
    @Path("{surveyId}/close")
    public Response close(@PathParam("surveyId") String surveyId, @Context ContainerRequestContext request) {
        return Answers.of(surveys.close(surveyId, CallerFilter.actor(request)), 200, c -> Views.change(c, clock));
    }

    @POST
    @Path("{surveyId}/extend")
    @Consumes(MediaType.WILDCARD)
    public Response extend(@PathParam("surveyId") String surveyId, byte[] body,
                           @Context ContainerRequestContext request) {
        JsonNode json = Bodies.object(body, Set.of("closesAt"));
        return Answers.of(surveys.extend(surveyId, Bodies.instant(json, "closesAt"), CallerFilter.actor(request)),
                200, c -> Views.change(c, clock));
    }
}
