package no.ks.barometer.mail;

import java.util.Objects;

/**
 * Who asks and whom to ask: the names every mail of a survey carries.
 *
 * @param commissioner who commissions the survey ("KS")
 * @param partner      who carries it out on the commissioner's behalf
 * @param contactName  whom respondents contact with questions, for example a team at the partner
 * @param contactEmail their address: named in the mail and its {@code Reply-To}
 */
public record MailSettings(String commissioner, String partner, String contactName, String contactEmail) {

    public MailSettings {
        Objects.requireNonNull(commissioner, "commissioner");
        Objects.requireNonNull(partner, "partner");
        Objects.requireNonNull(contactName, "contactName");
        Objects.requireNonNull(contactEmail, "contactEmail");
    }
}
