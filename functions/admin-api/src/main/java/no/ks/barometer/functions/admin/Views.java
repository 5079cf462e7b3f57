package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.admin.AuditEntry;
import no.ks.barometer.admin.ImportReport;
import no.ks.barometer.admin.InvitationSummary;
import no.ks.barometer.admin.ListPage;
import no.ks.barometer.admin.ProgressReport;
import no.ks.barometer.admin.StatusCounts;
import no.ks.barometer.admin.SurveyChange;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.mailing.AddressFeedback;
import no.ks.barometer.response.ResponseTimes;
import no.ks.barometer.snapshot.SnapshotHeader;
import no.ks.barometer.snapshot.SnapshotService;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.survey.SurveyState;
import no.ks.barometer.http.Json;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Function;

/** The JSON bodies of the administrator's API (openapi.yaml). */
final class Views {

    private Views() {
    }

    static JsonNode surveys(List<Survey> surveys, Clock clock) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("surveys");
        surveys.forEach(survey -> items.add(survey(survey, clock)));
        return body;
    }

    static ObjectNode survey(Survey survey, Clock clock) {
        ObjectNode node = Json.object();
        node.put("id", survey.id());
        node.put("title", survey.title());
        node.put("questionnaireId", survey.questionnaireId());
        node.put("questionnaireVersion", survey.questionnaireVersion());
        node.put("state", survey.state().name());
        instant(node, "opensAt", survey.opensAt());
        instant(node, "closesAt", survey.closesAt());
        node.put("linkBaseUrl", survey.linkBaseUrl().toString());
        node.put("acceptingAnswers", survey.acceptsAnswers(clock.instant()));
        return node;
    }

    static JsonNode change(SurveyChange change, Clock clock) {
        ObjectNode body = Json.object();
        body.set("survey", survey(change.survey(), clock));
        long seconds = change.takesEffectWithin().toSeconds();
        body.put("takesEffectWithinSeconds", seconds);
        if (seconds > 0 && change.survey().state() == SurveyState.CLOSED) {
            body.put("note", "Undersøkelsen er stengt. Respondenter som har skjemaet åpent, kan få lagret svar i "
                    + "inntil " + seconds + " sekunder til.");
        } else if (seconds > 0) {
            body.put("note", "Endringen gjelder for alle respondenter innen " + seconds + " sekunder.");
        } else {
            body.put("note", "Undersøkelsen var allerede slik; ingenting er endret.");
        }
        return body;
    }

    static JsonNode importReport(ImportReport report) {
        ObjectNode body = Json.object();
        ArrayNode invited = body.putArray("invited");
        report.invited().forEach(issued -> invited.add(link(issued)));
        strings(body.putArray("updated"), report.updated());
        body.put("unchanged", report.unchanged());
        strings(body.putArray("invitedMeanwhile"), report.invitedMeanwhile());
        return body;
    }

    /** The only place a link is shown: it holds the organisation's key. */
    static ObjectNode link(IssuedInvitation issued) {
        ObjectNode node = Json.object();
        node.set("organisation", organisation(issued.organisation()));
        node.put("link", issued.link().toString());
        return node;
    }

    static JsonNode invitations(ListPage<InvitationSummary> page, Clock clock) {
        Instant now = clock.instant();
        return page(page, "invitations", summary -> {
            ObjectNode node = Json.object();
            node.set("organisation", organisation(summary.organisation()));
            node.put("status", summary.status().name());
            times(node, summary.times());
            node.put("link", summary.link(now).name());
            instant(node, "linkExpiresAt", summary.tokenExpiresAt());
            instant(node, "reissuedAt", summary.reissuedAt());
            return node;
        });
    }

    static JsonNode progress(ProgressReport report) {
        ObjectNode body = Json.object();
        body.put("surveyId", report.surveyId());
        instant(body, "countedAt", report.countedAt());
        body.set("overall", counts(report.overall()));
        ObjectNode segments = body.putObject("segments");
        segments.set("orgType", segments(report.byOrgType()));
        segments.set("sizeGroup", segments(report.bySizeGroup()));
        segments.set("fylke", segments(report.byFylke()));
        segments.set("landsdel", segments(report.byLandsdel()));
        ArrayNode undeliverable = body.putArray("undeliverable");
        for (ProgressReport.Undeliverable organisation : report.undeliverable()) {
            ObjectNode node = undeliverable.addObject();
            node.put("orgNumber", organisation.orgNumber());
            node.put("orgName", organisation.orgName());
            organisation.contacts().forEach(node.putArray("contacts")::add);
            ArrayNode addresses = node.putArray("addresses");
            for (AddressFeedback feedback : organisation.addresses()) {
                ObjectNode address = addresses.addObject();
                address.put("address", feedback.address());
                address.put("kind", feedback.kind().name());
                address.put("label", feedback.kind().label());
                address.put("detail", feedback.detail());
                instant(address, "at", feedback.at());
                address.put("mailingId", feedback.mailingId());
            }
        }
        return body;
    }

    static JsonNode audit(ListPage<AuditEntry> page) {
        return page(page, "entries", entry -> {
            ObjectNode node = Json.object();
            instant(node, "at", entry.at());
            node.put("id", entry.id());
            node.put("actor", entry.actor().principal());
            node.put("action", entry.action().name());
            node.put("orgNumber", entry.orgNumber());
            node.put("detail", entry.detail());
            return node;
        });
    }

    static JsonNode revoked(String orgNumber) {
        ObjectNode body = Json.object();
        body.put("orgNumber", orgNumber);
        body.put("link", "REVOKED");
        return body;
    }

    static JsonNode snapshots(SnapshotService.Listing listing) {
        return page(listing.page(), "snapshots", header -> snapshot(header, listing));
    }

    static ObjectNode snapshot(SnapshotHeader header, SnapshotService.Listing listing) {
        ObjectNode node = snapshot(header);
        node.put("latest", listing.pointers().latest().filter(header.snapshotId()::equals).isPresent());
        node.put("published", listing.pointers().published().filter(header.snapshotId()::equals).isPresent());
        return node;
    }

    static ObjectNode snapshot(SnapshotHeader header) {
        ObjectNode node = Json.object();
        node.put("snapshotId", header.snapshotId());
        instant(node, "computedAt", header.computedAt());
        node.put("questionnaireId", header.questionnaireId());
        node.put("questionnaireVersion", header.questionnaireVersion());
        node.put("completed", header.completed());
        node.put("etag", header.etag());
        return node;
    }

    static JsonNode published(SnapshotService.Published published) {
        ObjectNode node = snapshot(published.header());
        instant(node, "publishedAt", published.publishedAt());
        node.put("latestPath", "/" + published.latestPath());
        node.put("path", "/" + published.path());
        return node;
    }

    private static <T> JsonNode page(ListPage<T> page, String name, Function<T, JsonNode> item) {
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray(name);
        page.items().forEach(element -> items.add(item.apply(element)));
        body.put("next", page.next().orElse(null));
        return body;
    }

    private static ArrayNode segments(List<ProgressReport.Segment> segments) {
        ArrayNode array = Json.mapper().createArrayNode();
        for (ProgressReport.Segment segment : segments) {
            ObjectNode node = array.addObject();
            node.put("key", segment.key());
            node.put("label", segment.label());
            node.setAll(counts(segment.counts()));
        }
        return array;
    }

    private static ObjectNode counts(StatusCounts counts) {
        ObjectNode node = Json.object();
        node.put("invited", counts.invited());
        node.put("notOpened", counts.notOpened());
        node.put("opened", counts.opened());
        node.put("inProgress", counts.inProgress());
        node.put("completed", counts.completed());
        node.put("declined", counts.declined());
        node.put("wrongRecipient", counts.wrongRecipient());
        node.put("responseRate", counts.responseRate());
        return node;
    }

    private static ObjectNode organisation(Organisation organisation) {
        ObjectNode node = Json.object();
        node.put("number", organisation.number());
        node.put("name", organisation.name());
        node.put("type", organisation.type().code());
        node.put("fylke", organisation.countyNumber());
        node.put("population", organisation.population());
        node.put("maalform", organisation.maalform().label());
        strings(node.putArray("emails"), organisation.contactEmails());
        return node;
    }

    private static void times(ObjectNode node, ResponseTimes times) {
        instant(node, "invitedAt", times.invitedAt());
        instant(node, "openedAt", times.openedAt());
        instant(node, "startedAt", times.startedAt());
        instant(node, "lastSavedAt", times.lastSavedAt());
        instant(node, "submittedAt", times.submittedAt());
        instant(node, "endedAt", times.endedAt());
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }

    private static void instant(ObjectNode node, String name, Instant instant) {
        node.put(name, instant == null ? null : instant.toString());
    }
}
