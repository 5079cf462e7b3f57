package no.ks.barometer.functions.admin;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import no.ks.barometer.admin.InvitationAdmin;

import java.time.Clock;

/** A survey's invitations: listed, and one organisation's link reissued or revoked. */
@Path("/v1/admin/surveys")
public final class InvitationsResource {

    private static final int PAGE = 100;

    private final InvitationAdmin invitations;
    private final Clock clock;

    InvitationsResource(InvitationAdmin invitations, Clock clock) {
        this.invitations = invitations;
        this.clock = clock;
    }

    @GET
    @Path("{surveyId}/invitations")
    public Response list(@PathParam("surveyId") String surveyId, @QueryParam("after") String after,
                         @QueryParam("limit") String limit) {
        return Answers.of(invitations.list(surveyId, Bodies.cursor(after), Bodies.limit(limit, PAGE)), 200,
                page -> Views.invitations(page, clock));
    }

    @POST
    @Path("{surveyId}/invitations/{orgNumber}/reissue")
    public Response reissue(@PathParam("surveyId") String surveyId, @PathParam("orgNumber") String orgNumber,
                            @Context ContainerRequestContext request) {
        return Answers.of(invitations.reissue(surveyId, orgNumber, CallerFilter.actor(request)), 200, Views::link);
    }

    @POST
    @Path("{surveyId}/invitations/{orgNumber}/revoke")
    public Response revoke(@PathParam("surveyId") String surveyId, @PathParam("orgNumber") String orgNumber,
                           @Context ContainerRequestContext request) {
        return Answers.of(invitations.revoke(surveyId, orgNumber, CallerFilter.actor(request)), 200, Views::revoked);
    }
}
