package no.ks.barometer.admin;

import no.ks.barometer.invitation.AlreadyInvitedException;
import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.register.Register;
import no.ks.barometer.survey.Survey;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Loads a survey's register: every organisation in the file is invited, or, if it is invited already, has its
 * data updated by number, never a second invitation. A file with any bad row is refused as a whole, every bad row
 * named, and nothing from it is stored: the whole file is checked before the first write. The writes themselves
 * are many (a DynamoDB transaction holds at most 100 actions, the register has 371 organisations and an
 * invitation takes two), so a storage failure midway can leave part of a good file stored; importing the same
 * file again then completes it.
 */
public final class RegisterImport {

    /**
     * How long a link works. The survey's window, not the link, decides when answers are taken; a year outlasts
     * any fieldwork with its extensions.
     */
    public static final Duration LINK_VALIDITY = Duration.ofDays(365);

    private final SurveyLifecycleStore surveys;
    private final InvitationRecords records;
    private final InvitationService invitations;
    private final AuditTrail audit;

    public RegisterImport(SurveyLifecycleStore surveys, InvitationRecords records, InvitationService invitations,
                          AuditTrail audit) {
        this.surveys = surveys;
        this.records = records;
        this.invitations = invitations;
        this.audit = audit;
    }

    public Outcome<ImportReport> importFile(String surveyId, String text, RegisterFormat format, Actor actor) {
        Optional<Survey> survey = surveys.get(surveyId);
        if (survey.isEmpty()) {
            return SurveyAdmin.notFound(surveyId);
        }
        RegisterFile.Parsed parsed = RegisterFile.parse(text, format);
        if (!parsed.accepted()) {
            return new Outcome.Refused<>(Refusal.INVALID_REGISTER, "Registeret har " + parsed.errors().size()
                    + " feil; ingenting fra filen er lagret.",
                    parsed.errors());
        }
        return store(survey.get(), parsed.organisations(), actor, "fil (" + format.name().toLowerCase(Locale.ROOT) + ")");
    }

    /** Imports the register shipped with the code: Norway's kommuner and fylkeskommuner, 2024 structure. */
    public Outcome<ImportReport> importStandard(String surveyId, Actor actor) {
        return surveys.get(surveyId)
                .map(survey -> store(survey, Register.standard().all(), actor, "standardregisteret 2024"))
                .orElseGet(() -> SurveyAdmin.notFound(surveyId));
    }

    private Outcome<ImportReport> store(Survey survey, List<Organisation> organisations, Actor actor,
                                        String source) {
        Map<String, Organisation> stored = records.summaries(survey.id()).stream()
                .map(InvitationSummary::organisation)
                .collect(Collectors.toMap(Organisation::number, Function.identity()));
        List<Organisation> changed = new ArrayList<>();
        List<Organisation> fresh = new ArrayList<>();
        int unchanged = 0;
        for (Organisation organisation : organisations) {
            Organisation current = stored.get(organisation.number());
            if (current == null) {
                fresh.add(organisation);
            } else if (current.equals(organisation)) {
                unchanged++;
            } else {
                changed.add(organisation);
            }
        }
        records.updateOrganisations(survey.id(), changed);
        List<IssuedInvitation> issued;
        try {
            issued = fresh.isEmpty() ? List.of() : invitations.inviteAll(survey, fresh, LINK_VALIDITY);
        } catch (AlreadyInvitedException e) {
            return Outcome.refused(Refusal.CHANGED_MEANWHILE, "Noen andre inviterte " + String.join(", ",
                    e.orgNumbers()) + " mens importen pågikk; ingen nye invitasjoner ble laget. Importer filen på "
                    + "nytt.");
        }
        Set<String> issuedNumbers = new HashSet<>();
        issued.forEach(i -> issuedNumbers.add(i.organisation().number()));
        List<String> meanwhile = fresh.stream().map(Organisation::number)
                .filter(number -> !issuedNumbers.contains(number)).toList();
        List<String> updated = changed.stream().map(Organisation::number).toList();

        List<AuditTrail.Recorded> entries = new ArrayList<>();
        entries.add(new AuditTrail.Recorded(AuditAction.REGISTER_IMPORTED, null, "Import av " + source + ": "
                + issued.size() + " invitert, " + updated.size() + " oppdatert, " + unchanged + " uendret"
                + (meanwhile.isEmpty() ? "" : ", " + meanwhile.size() + " invitert av andre samtidig")));
        issued.forEach(i -> entries.add(new AuditTrail.Recorded(AuditAction.ORGANISATION_INVITED,
                i.organisation().number(), "Invitert, lenke laget")));
        updated.forEach(number -> entries.add(new AuditTrail.Recorded(AuditAction.ORGANISATION_UPDATED, number,
                "Organisasjonsdata oppdatert")));
        audit.recordAll(survey.id(), actor, entries);
        return Outcome.done(new ImportReport(issued, updated, unchanged, meanwhile));
    }
}
