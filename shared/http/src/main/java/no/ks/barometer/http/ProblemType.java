package no.ks.barometer.http;

/**
 * Every kind of refusal the API gives, with its HTTP status and Norwegian title. The {@code type} of a problem
 * body is {@code urn:barometer:problem:<slug>}; clients act on it, people read the title and detail.
 */
public enum ProblemType {
    MALFORMED_REQUEST(400, "malformed-request", "Ugyldig forespørsel"),
    INVALID_TOKEN(401, "invalid-token", "Lenken er ikke gyldig"),
    SURVEY_CLOSED(403, "survey-closed", "Undersøkelsen er stengt"),
    PAGE_NOT_FOUND(404, "page-not-found", "Siden finnes ikke"),
    QUESTIONNAIRE_NOT_FOUND(404, "questionnaire-not-found", "Spørreskjemaet finnes ikke"),
    VERSION_CONFLICT(409, "version-conflict", "Besvarelsen er endret et annet sted"),
    RESPONSE_CLOSED(409, "response-closed", "Besvarelsen er avsluttet"),
    PAYLOAD_TOO_LARGE(413, "payload-too-large", "For mye innhold"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported-media-type", "Feil innholdstype"),
    VALIDATION_FAILED(422, "validation-failed", "Svarene kan ikke lagres"),
    INTERNAL_ERROR(500, "internal-error", "Noe gikk galt hos oss"),
    SERVICE_UNAVAILABLE(503, "service-unavailable", "Tjenesten er midlertidig utilgjengelig"),
    // The administrator's API.
    NOT_AUTHORIZED(403, "not-authorized", "Ingen tilgang"),
    NOT_FOUND(404, "not-found", "Adressen finnes ikke"),
    SURVEY_NOT_FOUND(404, "survey-not-found", "Undersøkelsen finnes ikke"),
    NOT_INVITED(404, "not-invited", "Organisasjonen er ikke invitert"),
    SNAPSHOT_NOT_FOUND(404, "snapshot-not-found", "Øyeblikksbildet finnes ikke"),
    METHOD_NOT_ALLOWED(405, "method-not-allowed", "Metoden er ikke tillatt her"),
    SURVEY_EXISTS(409, "survey-exists", "Undersøkelsen finnes allerede"),
    CHANGED_MEANWHILE(409, "changed-meanwhile", "Endret av noen andre samtidig"),
    SURVEY_NOT_OPEN(409, "survey-not-open", "Undersøkelsen er ikke åpen"),
    MAILING_NOT_FOUND(404, "mailing-not-found", "Utsendingen finnes ikke"),
    MAILING_EXISTS(409, "mailing-exists", "Utsendingen finnes allerede"),
    INVALID_REGISTER(422, "invalid-register", "Registeret har feil");

    private static final String PREFIX = "urn:barometer:problem:";

    private final int status;
    private final String slug;
    private final String title;

    ProblemType(int status, String slug, String title) {
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The problem body's {@code type} member. */
    public String uri() {
        return PREFIX + slug;
    }
}
