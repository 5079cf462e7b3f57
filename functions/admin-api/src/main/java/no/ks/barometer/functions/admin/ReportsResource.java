package no.ks.barometer.functions.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import no.ks.barometer.admin.AuditTrail;
import no.ks.barometer.admin.ExportFile;
import no.ks.barometer.admin.ExportFormat;
import no.ks.barometer.admin.Outcome;
import no.ks.barometer.admin.ProgressCount;
import no.ks.barometer.admin.ResponseExport;
import no.ks.barometer.http.Replies;

import java.nio.charset.StandardCharsets;

/** What a survey has given: progress, the export with its codebook, and the audit trail. */
@Path("/v1/admin/surveys")
public final class ReportsResource {

    private static final int PAGE = 100;

    private final ProgressCount progress;
    private final ResponseExport export;
    private final AuditTrail audit;

    ReportsResource(ProgressCount progress, ResponseExport export, AuditTrail audit) {
        this.progress = progress;
        this.export = export;
        this.audit = audit;
    }

    @GET
    @Path("{surveyId}/progress")
    public Response progress(@PathParam("surveyId") String surveyId) {
        return Answers.of(progress.progress(surveyId), 200, Views::progress);
    }

    @GET
    @Path("{surveyId}/export")
    public Response export(@PathParam("surveyId") String surveyId, @QueryParam("format") String format,
                           @Context ContainerRequestContext request) {
        ExportFormat exportFormat = switch (format == null ? "csv" : format) {
            case "csv" -> ExportFormat.CSV;
            case "jsonl" -> ExportFormat.JSON_LINES;
            default -> throw Bodies.malformed("«format» er csv eller jsonl.");
        };
        return switch (export.export(surveyId, exportFormat, CallerFilter.actor(request))) {
            case Outcome.Done<ExportFile> done -> file(done.value().content(), done.value().format().mediaType(),
                    done.value().fileName());
            case Outcome.Refused<ExportFile> refused -> Answers.refusal(refused);
        };
    }

    @GET
    @Path("{surveyId}/codebook")
    public Response codebook(@PathParam("surveyId") String surveyId) {
        return switch (export.codebook(surveyId)) {
            case Outcome.Done<String> done -> file(done.value().getBytes(StandardCharsets.UTF_8),
                    "text/markdown; charset=utf-8", surveyId + "-kodebok.md");
            case Outcome.Refused<String> refused -> Answers.refusal(refused);
        };
    }

    @GET
    @Path("{surveyId}/audit")
    public Response audit(@PathParam("surveyId") String surveyId, @QueryParam("before") String before,
                          @QueryParam("limit") String limit) {
        return Answers.of(audit.list(surveyId, Bodies.cursor(before), Bodies.limit(limit, PAGE)), 200, Views::audit);
    }

    /** Response data: never cached, saved as a file rather than shown. */
    private static Response file(byte[] content, String mediaType, String fileName) {
        return Response.ok(content)
                .header("Content-Type", mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .header("Cache-Control", Replies.NO_STORE)
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }
}
