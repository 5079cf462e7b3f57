package no.ks.barometer.mail;

import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.survey.Survey;
import no.ks.barometer.testing.Organisations;
import no.ks.barometer.testing.Surveys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailRendererTest {

    private static final MailSettings SETTINGS =
            new MailSettings("KS", "Ipsos", "prosjektteamet hos Ipsos", "barometer@partner.example");
    private static final MailRenderer RENDERER = new MailRenderer(SETTINGS);
    private static final Survey SURVEY = Surveys.open("mail");
    /** Surveys.open closes on 1 November 2024 at 08:00 UTC, 09:00 in Norway. */
    private static final String DEADLINE = "fredag 1. november 2024 kl. 09.00";

    private static final Organisation SOGNDAL = new Organisation("4640", "Sogndal", OrgType.KOMMUNE, "46",
            "Vestland", 12_300, Maalform.NYNORSK, List.of("postmottak@sogndal.kommune.example"));
    private static final Organisation VESTLAND = new Organisation("46", "Vestland fylkeskommune",
            OrgType.FYLKESKOMMUNE, "46", "Vestland", 650_000, Maalform.NYNORSK, List.of("post@vestlandfylke.example"));
    private static final Organisation ANGLED = new Organisation("3199", "Øvre <&> \"Nedre\"", OrgType.KOMMUNE, "31",
            "Østfold", 100, Maalform.BOKMAAL, List.of("post@angled.kommune.example"));

    private record Case(Organisation organisation, String displayName, MailLanguage language, String leader) {
    }

    private static final List<Case> CASES = List.of(
            new Case(Organisations.halden(), "Halden kommune", MailLanguage.BOKMAAL, "kommunedirektøren"),
            new Case(SOGNDAL, "Sogndal kommune", MailLanguage.NYNORSK, "kommunedirektøren"),
            new Case(Organisations.oestfold(), "Østfold fylkeskommune", MailLanguage.BOKMAAL, "fylkesdirektøren"),
            new Case(VESTLAND, "Vestland fylkeskommune", MailLanguage.NYNORSK, "fylkesdirektøren"));

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void everyTemplateCarriesEveryRequiredPartForKommunerAndFylkeskommunerInBothMaalformer(MailKind kind) {
        for (Case c : CASES) {
            IssuedInvitation invitation = invitation(c.organisation());
            RenderedMail mail = RENDERER.render(kind, SURVEY, invitation);
            String link = invitation.link().toString();
            boolean nynorsk = c.language() == MailLanguage.NYNORSK;
            String where = kind + " to " + c.displayName();

            assertEquals(c.language(), mail.language(), where);
            assertTrue(mail.subject().contains(c.displayName()), where + ": " + mail.subject());
            assertTrue(mail.subject().contains(SURVEY.title()), where + ": " + mail.subject());
            assertTrue(mail.subject().startsWith(switch (kind) {
                case INVITATION -> SURVEY.title();
                case REMINDER -> nynorsk ? "Påminning" : "Påminnelse";
            }), where + ": " + mail.subject());
            for (String part : List.of(mail.text(), mail.html())) {
                assertContains(part, where, "Til " + c.leader() + " i " + c.displayName(), link,
                        "Svarfristen er " + DEADLINE, "KS", "Ipsos",
                        "prosjektteamet hos Ipsos", "barometer@partner.example",
                        nynorsk ? "Resultata blir berre rapporterte samla, slik at det ikkje kjem fram kva den"
                                + " einskilde kommunen eller fylkeskommunen har svart."
                                : "Resultatene blir bare rapportert samlet, slik at det ikke kommer fram hva den"
                                + " enkelte kommune eller fylkeskommune har svart.",
                        nynorsk ? "Det er frivillig å vere med." : "Det er frivillig å delta.",
                        nynorsk ? "Med venleg helsing" : "Med vennlig hilsen");
                for (String otherLanguage : nynorsk ? List.of("undersøkelsen", "ikke ", "hilsen", "Lenken")
                        : List.of("undersøkinga", "ikkje", "helsing", "Lenkja")) {
                    assertFalse(part.contains(otherLanguage), where + " mixes in \"" + otherLanguage + "\"");
                }
            }
            assertTrue(mail.html().contains("<html lang=\"" + c.language().tag() + "\">"), where);
            assertTrue(mail.html().contains("<a href=\"" + link + "\""), where);
            assertFalse(mail.text().contains("<"), where + ": the text part has no markup");
        }
    }

    @ParameterizedTest
    @EnumSource(MailKind.class)
    void nameWithMarkupIsEscapedInHtmlAndKeptAsItIsInText(MailKind kind) {
        RenderedMail mail = RENDERER.render(kind, SURVEY, invitation(ANGLED));

        assertTrue(mail.html().contains("Øvre &lt;&amp;&gt; &quot;Nedre&quot; kommune"), mail.html());
        assertFalse(mail.html().contains("<&>"));
        assertTrue(mail.text().contains("Øvre <&> \"Nedre\" kommune"));
        assertTrue(mail.subject().contains("Øvre <&> \"Nedre\" kommune"));
    }

    @Test
    void linkWithAnAmpersandStaysAWorkingLinkInHtml() {
        Survey survey = new Survey("amp", SURVEY.title(), SURVEY.questionnaireId(), 1, SURVEY.state(),
                SURVEY.opensAt(), SURVEY.closesAt(), URI.create("https://barometer.example/?a=1&b=2"));
        IssuedInvitation invitation = new IssuedInvitation(Organisations.halden(), "TOKEN",
                URI.create("https://barometer.example/?a=1&b=2#t=TOKEN"));

        RenderedMail mail = RENDERER.render(MailKind.INVITATION, survey, invitation);

        assertTrue(mail.html().contains("href=\"https://barometer.example/?a=1&amp;b=2#t=TOKEN\""), mail.html());
        assertTrue(mail.text().contains("https://barometer.example/?a=1&b=2#t=TOKEN"));
    }

    @Test
    void surveyClosingAtMidnightHasTheDayBeforeAsItsDeadline() {
        Instant midnightInNorway = Instant.parse("2024-10-31T23:00:00Z");

        assertEquals("torsdag 31. oktober 2024", MailRenderer.deadline(midnightInNorway, MailLanguage.BOKMAAL));
        assertEquals("tysdag 30. september 2025",
                MailRenderer.deadline(Instant.parse("2025-09-30T22:00:00Z"), MailLanguage.NYNORSK));
        assertEquals("laurdag 1. mars 2025 kl. 12.30",
                MailRenderer.deadline(Instant.parse("2025-03-01T11:30:00Z"), MailLanguage.NYNORSK));
    }

    @Test
    void nynorskOnlyWhereTheMaalformIsNynorsk() {
        assertEquals(MailLanguage.NYNORSK, MailLanguage.of(Maalform.NYNORSK));
        assertEquals(MailLanguage.BOKMAAL, MailLanguage.of(Maalform.BOKMAAL));
        assertEquals(MailLanguage.BOKMAAL, MailLanguage.of(Maalform.NOEYTRAL));
    }

    @Test
    void nameThatWouldBreakTheSubjectLineIsRefused() {
        Organisation broken = new Organisation("3198", "Halden\r\nBcc: x@example.com", OrgType.KOMMUNE, "31",
                "Østfold", 1, Maalform.BOKMAAL, List.of("post@broken.example"));

        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(MailKind.INVITATION, SURVEY, invitation(broken)));
    }

    @Test
    void surveyWithoutAClosingTimeHasNoDeadlineToMail() {
        Survey open = new Survey("endless", SURVEY.title(), SURVEY.questionnaireId(), 1, SURVEY.state(),
                SURVEY.opensAt(), null, SURVEY.linkBaseUrl());

        assertThrows(IllegalArgumentException.class,
                () -> RENDERER.render(MailKind.REMINDER, open, invitation(Organisations.halden())));
    }

    private static IssuedInvitation invitation(Organisation organisation) {
        String token = "tok" + organisation.number() + "AAAAAAAAAAAAAAAAAAA".substring(organisation.number().length());
        return new IssuedInvitation(organisation, token, URI.create("https://barometer.example/#t=" + token));
    }

    private static void assertContains(String text, String where, String... parts) {
        for (String part : parts) {
            assertTrue(text.contains(part), where + " lacks \"" + part + "\":\n" + text);
        }
    }
}
