package no.ks.barometer.admin;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.InvitationStore;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;

import java.time.Clock;

/** Every administrative use case, built once on the same ports. */
public record Administration(SurveyAdmin surveys, RegisterImport register, InvitationAdmin invitations,
                             ProgressCount progress, ResponseExport export, AuditTrail audit) {

    public static Administration on(SurveyStore surveys, InvitationRecords records, InvitationStore invitationStore,
                                    AuditLog auditLog, QuestionnaireCatalog catalog, Clock clock) {
        AuditTrail audit = new AuditTrail(auditLog, clock);
        InvitationService invitations = new InvitationService(invitationStore, clock);
        return new Administration(
                new SurveyAdmin(surveys, catalog, audit, clock),
                new RegisterImport(surveys, records, invitations, audit),
                new InvitationAdmin(surveys, records, invitations, audit),
                new ProgressCount(surveys, records, clock),
                new ResponseExport(surveys, records, catalog, audit),
                audit);
    }
}
