package no.ks.barometer.store;

import no.ks.barometer.invitation.InvitedOrganisation;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.response.ResponseTimes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.List;
import java.util.Map;

import static no.ks.barometer.store.Attributes.n;
import static no.ks.barometer.store.Attributes.putIfPresent;
import static no.ks.barometer.store.Attributes.requiredString;
import static no.ks.barometer.store.Attributes.s;

/** Attribute names of the invitation item (with its response) and of the token item, docs/data-model.md. */
final class InvitationItems {

    static final String SURVEY_ID = "surveyId";
    static final String ORG_NUMBER = "orgNumber";
    static final String TOKEN_HASH = "tokenHash";
    static final String TOKEN_EXPIRES_AT = "tokenExpiresAt";
    static final String LINK_GENERATION = "linkGeneration";
    static final String STATUS = "status";
    static final String INVITED_AT = "invitedAt";
    static final String OPENED_AT = "openedAt";
    static final String STARTED_AT = "startedAt";
    static final String LAST_SAVED_AT = "lastSavedAt";
    static final String SUBMITTED_AT = "submittedAt";
    static final String ENDED_AT = "endedAt";
    static final String REISSUED_AT = "reissuedAt";
    static final String QUESTIONNAIRE_ID = "questionnaireId";
    static final String QUESTIONNAIRE_VERSION = "questionnaireVersion";
    static final String VERSION = "version";
    static final String ANSWERS = "answers";
    static final String SAVED_PAGES = "savedPages";
    static final String LAST_WRITE = "lastWrite";
    static final String CONTACT_EMAILS = "contactEmails";

    static final String MAILS_SENT = "mailsSent";
    static final String LAST_MAIL_AT = "lastMailAt";

    /** Token item. */
    static final String EXPIRES_AT = "expiresAt";
    static final String REVOKED_AT = "revokedAt";

    /** Every attribute {@link #putOrganisation} may write, and what {@link #organisation} reads. */
    static final List<String> ORGANISATION_ATTRIBUTES = List.of(ORG_NUMBER, "orgName", "orgType", "countyNumber",
            "countyName", "population", "maalform", CONTACT_EMAILS);

    private InvitationItems() {
    }

    static void putOrganisation(Map<String, AttributeValue> item, Organisation organisation) {
        item.put(ORG_NUMBER, s(organisation.number()));
        item.put("orgName", s(organisation.name()));
        item.put("orgType", s(organisation.type().code()));
        putIfPresent(item, "countyNumber", organisation.countyNumber());
        putIfPresent(item, "countyName", organisation.countyName());
        item.put("population", n(organisation.population()));
        item.put("maalform", s(organisation.maalform().label()));
        item.put(CONTACT_EMAILS, Attributes.strings(organisation.contactEmails()));
    }

    static ResponseTimes times(Map<String, AttributeValue> item) {
        return new ResponseTimes(
                Attributes.instant(item, INVITED_AT),
                Attributes.instant(item, OPENED_AT),
                Attributes.instant(item, STARTED_AT),
                Attributes.instant(item, LAST_SAVED_AT),
                Attributes.instant(item, SUBMITTED_AT),
                Attributes.instant(item, ENDED_AT));
    }

    static InvitedOrganisation invited(Map<String, AttributeValue> item) {
        AttributeValue generation = item.get(LINK_GENERATION);
        if (generation == null) {
            throw new CorruptItemException("attribute " + LINK_GENERATION + " is missing");
        }
        return new InvitedOrganisation(organisation(item), Attributes.string(item, TOKEN_HASH),
                Long.parseLong(generation.n()));
    }

    static Organisation organisation(Map<String, AttributeValue> item) {
        String type = requiredString(item, "orgType");
        String maalform = requiredString(item, "maalform");
        return new Organisation(
                requiredString(item, ORG_NUMBER),
                requiredString(item, "orgName"),
                OrgType.fromCode(type).orElseThrow(() -> new CorruptItemException("unknown orgType " + type)),
                Attributes.string(item, "countyNumber"),
                Attributes.string(item, "countyName"),
                Math.toIntExact(Attributes.number(item, "population", 0)),
                Maalform.fromLabel(maalform).orElseThrow(() -> new CorruptItemException("unknown maalform " + maalform)),
                Attributes.strings(item, CONTACT_EMAILS));
    }
}
