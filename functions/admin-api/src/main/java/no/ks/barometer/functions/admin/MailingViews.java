package no.ks.barometer.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import no.ks.barometer.admin.MailingProgress;
import no.ks.barometer.http.Json;
import no.ks.barometer.mail.MailKind;
import no.ks.barometer.mailing.MailState;
import no.ks.barometer.mailing.Mailing;
import no.ks.barometer.mailing.MailingPlan;

import java.util.List;
import java.util.Locale;

/** The JSON bodies of the mailing routes (openapi.yaml, {@code Mailing*} schemas). */
final class MailingViews {

    private MailingViews() {
    }

    static JsonNode plan(MailingPlan plan) {
        ObjectNode node = mailing(plan.mailing());
        ArrayNode recipients = node.putArray("recipients");
        for (MailingPlan.Recipient recipient : plan.recipients()) {
            ObjectNode entry = recipients.addObject();
            entry.put("orgNumber", recipient.invitee().orgNumber());
            entry.put("name", recipient.invitee().invited().organisation().name());
            recipient.addresses().forEach(entry.putArray("addresses")::add);
        }
        ArrayNode excluded = node.putArray("excluded");
        for (MailingPlan.Excluded entry : plan.excluded()) {
            excluded.addObject().put("orgNumber", entry.orgNumber()).put("name", entry.orgName())
                    .put("reason", slug(entry.reason().name()));
        }
        return node;
    }

    static JsonNode accepted(Mailing mailing) {
        return mailing(mailing);
    }

    static JsonNode list(List<MailingProgress> mailings) {
        ObjectNode node = Json.object();
        ArrayNode items = node.putArray("mailings");
        mailings.forEach(progress -> items.add(counts(progress)));
        return node;
    }

    static JsonNode progress(MailingProgress progress) {
        ObjectNode node = counts(progress);
        ArrayNode mails = node.putArray("mails");
        progress.mails().forEach((orgNumber, state) ->
                mails.addObject().put("orgNumber", orgNumber).put("state", slug(state.name())));
        return node;
    }

    static MailKind kind(String text) {
        if (text == null) {
            throw Bodies.malformed("«kind» mangler: «invitation» eller «reminder».");
        }
        for (MailKind kind : MailKind.values()) {
            if (slug(kind.name()).equals(text)) {
                return kind;
            }
        }
        throw Bodies.malformed("«kind» må være «invitation» eller «reminder», ikke «" + text + "».");
    }

    private static ObjectNode counts(MailingProgress progress) {
        ObjectNode node = mailing(progress.mailing());
        node.put("sent", progress.count(MailState.SENT));
        node.put("inDoubt", progress.count(MailState.CLAIMED));
        return node;
    }

    private static ObjectNode mailing(Mailing mailing) {
        ObjectNode node = Json.object();
        node.put("mailingId", mailing.id());
        node.put("kind", slug(mailing.kind().name()));
        if (!mailing.chosen().isEmpty()) {
            mailing.chosen().stream().sorted().forEach(node.putArray("orgNumbers")::add);
        }
        return node;
    }

    private static String slug(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
