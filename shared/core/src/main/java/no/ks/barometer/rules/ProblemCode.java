package no.ks.barometer.rules;

/**
 * The stable codes of docs/questionnaire-format.md, "Problems". Each carries the general Norwegian message; a
 * {@link Problem} may carry a more specific one.
 */
public enum ProblemCode {
    PAGE_UNKNOWN("Siden finnes ikke i spørreskjemaet."),
    PAGE_NOT_REACHABLE("Denne siden kan ikke lagres nå. Svar på de foregående sidene først."),
    UNKNOWN_QUESTION("Spørsmålet finnes ikke i spørreskjemaet."),
    QUESTION_NOT_ON_PAGE("Spørsmålet hører til en annen side."),
    QUESTION_HIDDEN("Spørsmålet skal ikke besvares ut fra svarene du har gitt."),
    WRONG_ANSWER_TYPE("Svaret har feil form for dette spørsmålet."),
    UNKNOWN_OPTION("Svaralternativet finnes ikke i dette spørsmålet."),
    OPTION_NOT_OFFERED("Svaralternativet kan ikke velges her."),
    DUPLICATE_CHOICE("Det samme svaralternativet er valgt flere ganger."),
    TOO_MANY_CHOICES("Du har valgt for mange svaralternativer."),
    EXCLUSIVE_CONFLICT("Et svaralternativ som «Vet ikke» kan ikke kombineres med andre svaralternativer."),
    OTHER_TEXT_MISSING("Skriv inn hva «Annet» gjelder."),
    OTHER_TEXT_NOT_ALLOWED("Tekstfeltet kan bare fylles ut når «Annet» er valgt."),
    OTHER_TEXT_TOO_LONG("Teksten for «Annet» er for lang."),
    TEXT_TOO_LONG("Svaret er for langt."),
    INVALID_CHARACTERS("Teksten inneholder tegn som ikke er tillatt. Fjern dem og prøv igjen."),
    REQUIRED("Dette spørsmålet må besvares."),
    GRID_ROW_MISSING("Velg et svar på hver linje."),
    GRID_ROW_UNKNOWN("Linjen finnes ikke i dette spørsmålet."),
    GRID_COLUMN_UNKNOWN("Svaralternativet finnes ikke for denne linjen.");

    private final String message;

    ProblemCode(String message) {
        this.message = message;
    }

    /** The general message in Norwegian Bokmål. */
    public String message() {
        return message;
    }
}
