package no.ks.barometer.local;

import no.ks.barometer.questionnaire.OrgType;

import java.net.URI;

/** One organisation's respondent link, as printed and written to the links file. */
public record RespondentLink(String number, String name, OrgType type, URI url) {
}
