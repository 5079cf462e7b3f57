package no.ks.barometer.functions.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import no.ks.barometer.admin.Outcome;
import no.ks.barometer.http.EntityTags;
import no.ks.barometer.http.Replies;
import no.ks.barometer.snapshot.SnapshotService;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A survey's aggregate snapshots (docs/aggregation.md): the latest, one by id, the list, a recompute now, and
 * publishing one for readers without credentials. A snapshot's body is its JSON as stored
 * (snapshot/snapshot.schema.json), with its entity tag; a snapshot never changes, so an {@code If-None-Match}
 * that names its tag gets {@code 304}.
 */
@Path("/v1/admin/surveys")
public final class SnapshotsResource {

    private static final int PAGE = 50;

    private final SnapshotService snapshots;

    SnapshotsResource(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    @GET
    @Path("{surveyId}/snapshots")
    public Response list(@PathParam("surveyId") String surveyId, @QueryParam("before") String before,
                         @QueryParam("limit") String limit) {
        return Answers.of(snapshots.list(surveyId, Bodies.cursor(before), Bodies.limit(limit, PAGE)), 200,
                Views::snapshots);
    }

    /**
     * Computes a snapshot now, in this request: reading a survey's few hundred items takes well under the API's
     * time limit, and the administrator gets the new snapshot's id at once.
     */
    @POST
    @Path("{surveyId}/snapshots")
    public Response recompute(@PathParam("surveyId") String surveyId, @Context ContainerRequestContext request) {
        return Answers.of(snapshots.recompute(surveyId, CallerFilter.actor(request)), 201, Views::snapshot);
    }

    @GET
    @Path("{surveyId}/snapshots/latest")
    public Response latest(@PathParam("surveyId") String surveyId, @HeaderParam("If-None-Match") String ifNoneMatch) {
        return body(snapshots.latest(surveyId), ifNoneMatch);
    }

    @GET
    @Path("{surveyId}/snapshots/{snapshotId}")
    public Response get(@PathParam("surveyId") String surveyId, @PathParam("snapshotId") String snapshotId,
                        @HeaderParam("If-None-Match") String ifNoneMatch) {
        return body(snapshots.get(surveyId, snapshotId), ifNoneMatch);
    }

    @POST
    @Path("{surveyId}/snapshots/{snapshotId}/publish")
    public Response publish(@PathParam("surveyId") String surveyId, @PathParam("snapshotId") String snapshotId,
                            @Context ContainerRequestContext request) {
        return Answers.of(snapshots.publish(surveyId, snapshotId, CallerFilter.actor(request)), 200,
                Views::published);
    }

    private static Response body(Outcome<SnapshotService.SnapshotBody> outcome, String ifNoneMatch) {
        return switch (outcome) {
            case Outcome.Done<SnapshotService.SnapshotBody> done -> {
                String etag = done.value().header().etag();
                Map<String, String> cacheHeaders = Map.of("ETag", etag, "Cache-Control", Replies.NO_STORE);
                if (ifNoneMatch != null && EntityTags.noneMatchHolds(ifNoneMatch, etag)) {
                    yield Answers.response(Replies.notModified(cacheHeaders));
                }
                yield Answers.response(Replies.json(200, new String(done.value().json(), StandardCharsets.UTF_8),
                        cacheHeaders));
            }
            case Outcome.Refused<SnapshotService.SnapshotBody> refused -> Answers.refusal(refused);
        };
    }
}
