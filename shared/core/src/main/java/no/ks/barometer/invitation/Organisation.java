package no.ks.barometer.invitation;

import no.ks.barometer.questionnaire.OrgType;

import java.util.List;
import java.util.Objects;

/**
 * A kommune or fylkeskommune in the recipient register.
 *
 * @param number       kommunenummer (four digits) or fylkesnummer (two digits)
 * @param countyNumber the fylke it belongs to (its own number for a fylkeskommune)
 * @param contactEmails where invitations go (the register import requires one or more); demo and test data use RFC 2606 example domains only
 */
public record Organisation(
        String number,
        String name,
        OrgType type,
        String countyNumber,
        String countyName,
        int population,
        Maalform maalform,
        List<String> contactEmails) {

    public Organisation {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(maalform, "maalform");
        contactEmails = List.copyOf(contactEmails);
        if (!number.matches(type == OrgType.KOMMUNE ? "\\d{4}" : "\\d{2}")) {
            throw new IllegalArgumentException("Organisation number " + number + " does not fit a " + type.code());
        }
    }
}
