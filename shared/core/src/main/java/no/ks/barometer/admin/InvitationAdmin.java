package no.ks.barometer.admin;

import no.ks.barometer.invitation.InvitationService;
import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.NotInvitedException;
import no.ks.barometer.survey.Survey;

import java.util.Optional;

/** The survey's invitations: listed page by page, and one organisation's link reissued or revoked. */
public final class InvitationAdmin {

    public static final int MAX_PAGE = 500;

    private final SurveyLifecycleStore surveys;
    private final InvitationRecords records;
    private final InvitationService invitations;
    private final AuditTrail audit;

    public InvitationAdmin(SurveyLifecycleStore surveys, InvitationRecords records, InvitationService invitations,
                           AuditTrail audit) {
        this.surveys = surveys;
        this.records = records;
        this.invitations = invitations;
        this.audit = audit;
    }

    public Outcome<ListPage<InvitationSummary>> list(String surveyId, Optional<String> after, int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            return Outcome.refused(Refusal.INVALID_REQUEST, "«limit» må være et heltall fra 1 til " + MAX_PAGE + ".");
        }
        if (after.isPresent() && !after.get().matches("\\d{2}|\\d{4}")) {
            return Outcome.refused(Refusal.INVALID_REQUEST, "«after» må være et organisasjonsnummer fra forrige side.");
        }
        if (surveys.get(surveyId).isEmpty()) {
            return SurveyAdmin.notFound(surveyId);
        }
        return Outcome.done(records.page(surveyId, after, limit));
    }

    /** A new link for the organisation; the old one stops working at once, the answers stay. */
    public Outcome<IssuedInvitation> reissue(String surveyId, String orgNumber, Actor actor) {
        Optional<Survey> survey = surveys.get(surveyId);
        if (survey.isEmpty()) {
            return SurveyAdmin.notFound(surveyId);
        }
        try {
            IssuedInvitation issued = invitations.reissue(survey.get(), orgNumber, RegisterImport.LINK_VALIDITY);
            audit.record(surveyId, actor, AuditAction.LINK_REISSUED, orgNumber, "Ny lenke; den forrige virker ikke lenger");
            return Outcome.done(issued);
        } catch (NotInvitedException e) {
            return notInvited(surveyId, orgNumber);
        } catch (IllegalStateException e) {
            return changedMeanwhile(orgNumber);
        }
    }

    /** Stops the organisation's link at once; a reissue gives it a new one, the answers stay. */
    public Outcome<String> revoke(String surveyId, String orgNumber, Actor actor) {
        Optional<Survey> survey = surveys.get(surveyId);
        if (survey.isEmpty()) {
            return SurveyAdmin.notFound(surveyId);
        }
        try {
            invitations.revoke(survey.get(), orgNumber);
            audit.record(surveyId, actor, AuditAction.LINK_REVOKED, orgNumber, "Lenken trukket tilbake");
            return Outcome.done(orgNumber);
        } catch (NotInvitedException e) {
            return notInvited(surveyId, orgNumber);
        } catch (IllegalStateException e) {
            return changedMeanwhile(orgNumber);
        }
    }

    private static <T> Outcome<T> notInvited(String surveyId, String orgNumber) {
        return Outcome.refused(Refusal.NOT_INVITED, "Organisasjon «" + orgNumber + "» er ikke invitert til «"
                + surveyId + "».");
    }

    private static <T> Outcome<T> changedMeanwhile(String orgNumber) {
        return Outcome.refused(Refusal.CHANGED_MEANWHILE, "Lenken til " + orgNumber
                + " ble endret av noen andre samtidig. Prøv igjen.");
    }
}
