package no.ks.barometer.questionnaire;

import java.util.Optional;
import java.util.Set;

/**
 * An answer option of a single or multiple question.
 *
 * @param other      choosing it requires an other-specify text ("Annet [Åpent]")
 * @param exclusive  cannot be combined with another option ("Vet ikke", "Ingen")
 * @param orgTypes   offered only to these organisation types
 * @param endsSurvey choosing it ends the response with this status
 */
public record Option(int code, String text, boolean other, boolean exclusive, Set<OrgType> orgTypes,
                     Optional<EndReason> endsSurvey) {
    public Option {
        orgTypes = OrgTypes.copy(orgTypes);
    }

    public boolean offeredTo(OrgType orgType) {
        return orgTypes.contains(orgType);
    }
}
