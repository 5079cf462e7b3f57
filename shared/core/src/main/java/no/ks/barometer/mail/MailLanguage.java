package no.ks.barometer.mail;

import no.ks.barometer.invitation.Maalform;

import java.time.LocalDate;

/** The written standard a mail is in: Nynorsk where the organisation's målform is Nynorsk, else Bokmål. */
public enum MailLanguage {
    BOKMAAL("nb", new String[] {"mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"}),
    NYNORSK("nn", new String[] {"måndag", "tysdag", "onsdag", "torsdag", "fredag", "laurdag", "sundag"});

    /** The same in Bokmål and Nynorsk. */
    private static final String[] MONTHS = {"januar", "februar", "mars", "april", "mai", "juni", "juli", "august",
            "september", "oktober", "november", "desember"};

    private final String tag;
    private final String[] weekdays;

    MailLanguage(String tag, String[] weekdays) {
        this.tag = tag;
        this.weekdays = weekdays;
    }

    /** Nøytral kommuner get Bokmål, as most mail from the state and KS does. */
    public static MailLanguage of(Maalform maalform) {
        return maalform == Maalform.NYNORSK ? NYNORSK : BOKMAAL;
    }

    /** The BCP 47 tag: the templates' folder and the HTML part's {@code lang}. */
    public String tag() {
        return tag;
    }

    /** For example "fredag 1. november 2024". */
    String date(LocalDate date) {
        return weekdays[date.getDayOfWeek().ordinal()] + " " + date.getDayOfMonth() + ". "
                + MONTHS[date.getMonthValue() - 1] + " " + date.getYear();
    }
}
