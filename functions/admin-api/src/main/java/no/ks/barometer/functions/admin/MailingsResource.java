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
import no.ks.barometer.admin.MailingAdmin;
import no.ks.barometer.mailing.Mailing;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A survey's mailings: the dry run, starting one (the mailer sends; the answer comes at once), scheduling one for a
 * time, and each one's progress.
 */
@Path("/v1/admin/surveys/{surveyId}/mailings")
public final class MailingsResource {

    private static final Set<String> MAILING = Set.of("mailingId", "kind", "orgNumbers");
    private static final Set<String> SCHEDULED = Set.of("mailingId", "kind", "orgNumbers", "at");

    private final MailingAdmin mailings;

    MailingsResource(MailingAdmin mailings) {
        this.mailings = mailings;
    }

    @GET
    public Response list(@PathParam("surveyId") String surveyId) {
        return Answers.of(mailings.list(surveyId), 200, MailingViews::list);
    }

    @GET
    @Path("{mailingId}")
    public Response show(@PathParam("surveyId") String surveyId, @PathParam("mailingId") String mailingId) {
        return Answers.of(mailings.show(surveyId, mailingId), 200, MailingViews::progress);
    }

    @POST
    @Path("dry-run")
    @Consumes(MediaType.WILDCARD)
    public Response dryRun(@PathParam("surveyId") String surveyId, byte[] body) {
        return Answers.of(mailings.dryRun(surveyId, mailing(Bodies.object(body, MAILING))), 200, MailingViews::plan);
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    public Response start(@PathParam("surveyId") String surveyId, byte[] body,
                          @Context ContainerRequestContext request) {
        return Answers.of(mailings.start(surveyId, mailing(Bodies.object(body, MAILING)), CallerFilter.actor(request)),
                202, MailingViews::accepted);
    }

    @POST
    @Path("scheduled")
    @Consumes(MediaType.WILDCARD)
    public Response schedule(@PathParam("surveyId") String surveyId, byte[] body,
                             @Context ContainerRequestContext request) {
        JsonNode json = Bodies.object(body, SCHEDULED);
        return Answers.of(mailings.schedule(surveyId, mailing(json), Bodies.instant(json, "at"),
                CallerFilter.actor(request)), 202, MailingViews::accepted);
    }

    private static Mailing mailing(JsonNode json) {
        String id = Bodies.text(json, "mailingId");
        if (id == null || !id.matches(Mailing.ID_PATTERN)) {
            throw Bodies.malformed("«mailingId» må være 1 til 64 bokstaver (a–z, A–Z), sifre, «-» eller «_».");
        }
        var kind = MailingViews.kind(Bodies.text(json, "kind"));
        JsonNode chosen = json.get("orgNumbers");
        if (chosen == null || chosen.isNull()) {
            return Mailing.toEveryOpen(id, kind);
        }
        if (!chosen.isArray() || chosen.isEmpty()) {
            throw Bodies.malformed("«orgNumbers» må være en liste med minst ett organisasjonsnummer.");
        }
        Set<String> numbers = new LinkedHashSet<>();
        for (JsonNode number : chosen) {
            if (!number.isTextual() || !number.textValue().matches("\\d{2}|\\d{4}")) {
                throw Bodies.malformed("«orgNumbers» må være kommune- eller fylkesnumre som tekst, for eksempel "
                        + "«3001».");
            }
            numbers.add(number.textValue());
        }
        return Mailing.toChosen(id, kind, numbers);
    }
}
