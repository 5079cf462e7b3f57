package no.ks.barometer.admin;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.InvitationStore;
import no.ks.barometer.questionnaire.QuestionnaireCatalog;
import no.ks.barometer.token.HmacLinkKey;
import no.ks.barometer.token.LinkKey;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * Every administrative use case, built once on the same ports. The questionnaire catalog is asked for only by the
 * actions that need it (creating a survey, exporting), so a cold start that answers anything else does not read
 * and lint the questionnaires first.
 */
public record Administration(SurveyAdmin surveys, RegisterImport register, InvitationAdmin invitations,
                             ProgressCount progress, ResponseExport export, AuditTrail audit) {

    public static Administration on(SurveyLifecycleStore surveys, InvitationRecords records, InvitationStore invitationStore,
                                    AuditLog auditLog, Supplier<QuestionnaireCatalog> catalog,
                                    Clock clock) {
        return on(surveys, records, invitationStore, auditLog, catalog, HmacLinkKey.ephemeral(), clock);
    }

    /**
     * @param linkKey what links are derived from; the mailer needs the same key to make them again for its mail
     */
    public static Administration on(SurveyLifecycleStore surveys, InvitationRecords records, InvitationStore invitationStore,
                                    AuditLog auditLog, Supplier<QuestionnaireCatalog> catalog, LinkKey linkKey,
                                    Clock clock) {
        AuditTrail audit = new AuditTrail(auditLog, clock);
        InvitationService invitations = new InvitationService(invitationStore, linkKey, clock);
        return new Administration(
                new SurveyAdmin(surveys, catalog, audit, clock),
                new RegisterImport(surveys, records, invitations, audit),
                new InvitationAdmin(surveys, records, invitations, audit),
                new ProgressCount(surveys, records, clock),
                new ResponseExport(surveys, records, catalog, audit),
                audit);
    }
}
