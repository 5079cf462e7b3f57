package no.ks.barometer.functions.admin;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import no.ks.barometer.admin.RegisterFormat;
import no.ks.barometer.admin.RegisterImport;
import no.ks.barometer.http.ApiProblem;
import no.ks.barometer.http.ProblemType;

import java.util.Locale;

/** A survey's register: a file imported, or the register shipped with the code. */
@Path("/v1/admin/surveys")
public final class RegisterResource {

    private final RegisterImport register;

    RegisterResource(RegisterImport register) {
        this.register = register;
    }

    @POST
    @Path("{surveyId}/register")
    @Consumes(MediaType.WILDCARD)
    public Response importFile(@PathParam("surveyId") String surveyId, @HeaderParam("Content-Type") String type,
                               byte[] body, @Context ContainerRequestContext request) {
        RegisterFormat format = format(type);
        if (format == null) {
            return Answers.problem(ApiProblem.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                    "Registeret sendes som text/csv eller application/json, i UTF-8."));
        }
        return Answers.of(register.importFile(surveyId, Bodies.utf8(body), format, CallerFilter.actor(request)),
                200, Views::importReport);
    }

    @POST
    @Path("{surveyId}/register/standard")
    public Response importStandard(@PathParam("surveyId") String surveyId, @Context ContainerRequestContext request) {
        return Answers.of(register.importStandard(surveyId, CallerFilter.actor(request)), 200, Views::importReport);
    }

    private static RegisterFormat format(String contentType) {
        if (contentType == null) {
            return null;
        }
        MediaType type;
        try {
            type = MediaType.valueOf(contentType);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String charset = type.getParameters().get("charset");
        if (charset != null && !charset.toLowerCase(Locale.ROOT).equals("utf-8")) {
            return null;
        }
        if (type.isCompatible(MediaType.valueOf("text/csv"))) {
            return RegisterFormat.CSV;
        }
        return type.isCompatible(MediaType.APPLICATION_JSON_TYPE) ? RegisterFormat.JSON : null;
    }
}
