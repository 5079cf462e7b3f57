package no.ks.barometer.register;

import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterTest {

    private static final Register REGISTER = Register.standard();

    private static Organisation organisation(String number) {
        return REGISTER.byNumber(number).orElseThrow(() -> new AssertionError("No organisation " + number));
    }

    @Test
    void registerHas357KommunerAnd14Fylkeskommuner() {
        assertEquals(357, REGISTER.kommuner().size());
        assertEquals(14, REGISTER.fylkeskommuner().size());
        assertEquals(371, REGISTER.all().size());
    }

    @Test
    void osloIsInvitedOnceAsKommune() {
        List<Organisation> oslo = REGISTER.all().stream().filter(o -> o.name().startsWith("Oslo")).toList();
        assertEquals(1, oslo.size());
        assertEquals("0301", oslo.getFirst().number());
        assertEquals(OrgType.KOMMUNE, oslo.getFirst().type());
        assertTrue(REGISTER.fylkeskommuner().stream().noneMatch(o -> o.number().equals(Register.OSLO_COUNTY)));
    }

    @Test
    void numbersAreValidUniqueAndInTheirFylke() {
        Set<String> fylker = new HashSet<>();
        REGISTER.fylkeskommuner().forEach(f -> {
            assertTrue(f.number().matches("\\d{2}"), f.number());
            assertEquals(f.number(), f.countyNumber());
            fylker.add(f.number());
        });
        fylker.add(Register.OSLO_COUNTY);
        Set<String> seen = new HashSet<>();
        for (Organisation o : REGISTER.all()) {
            assertTrue(seen.add(o.number()), "Number used twice: " + o.number());
        }
        for (Organisation k : REGISTER.kommuner()) {
            assertTrue(k.number().matches("\\d{4}"), k.number());
            assertEquals(k.number().substring(0, 2), k.countyNumber(), k.name());
            assertTrue(fylker.contains(k.countyNumber()), k.name() + " is in an unknown fylke");
            assertTrue(k.population() > 0, k.name());
        }
    }

    @Test
    void everyContactEmailIsADistinctAddressUnderAnExampleDomain() {
        Set<String> seen = new HashSet<>();
        for (Organisation o : REGISTER.all()) {
            assertEquals(1, o.contactEmails().size(), o.name());
            String email = o.contactEmails().get(0);
            assertTrue(email.matches("postmottak@[a-z0-9-]+\\." + o.type().code() + "\\.example"), email);
            assertTrue(seen.add(email), "Address used twice: " + email);
        }
    }

    @Test
    void kommunerWithASamiNameAreShownByTheirNorwegianName() {
        assertEquals("Kautokeino", organisation("5612").name());
        assertEquals("Snåsa", organisation("5041").name());
        assertEquals("postmottak@kautokeino.kommune.example", organisation("5612").contactEmails().get(0));
    }

    @Test
    void kommunerSharingANameGetTheirFylkeInTheAddress() {
        assertEquals("postmottak@heroy-more-og-romsdal.kommune.example", organisation("1515").contactEmails().get(0));
        assertEquals("postmottak@heroy-nordland.kommune.example", organisation("1818").contactEmails().get(0));
        assertEquals("Herøy", organisation("1818").name());
    }

    @Test
    void fylkeskommuneIsNamedAfterItsFylke() {
        assertEquals("Troms fylkeskommune", organisation("55").name());
        assertEquals("Finnmark fylkeskommune", organisation("56").name());
        assertEquals("postmottak@more-og-romsdal.fylkeskommune.example", organisation("15").contactEmails().get(0));
    }

    @Test
    void fylkeskommunePopulationIsTheSumOfItsKommuner() {
        for (Organisation fylke : REGISTER.fylkeskommuner()) {
            int sum = REGISTER.kommuner().stream()
                    .filter(k -> k.countyNumber().equals(fylke.number()))
                    .mapToInt(Organisation::population)
                    .sum();
            assertEquals(sum, fylke.population(), fylke.name());
        }
        assertTrue(organisation("46").population() > 600_000, "Vestland has more than 600 000 inhabitants");
    }

    @Test
    void fylkeskommuneTakesTheMaalformOfAMajorityOfItsKommunerElseNoeytral() {
        assertEquals(Maalform.NYNORSK, organisation("46").maalform(), "Vestland: 41 of 43 kommuner nynorsk");
        assertEquals(Maalform.BOKMAAL, organisation("31").maalform(), "Østfold: 11 of 12 bokmål");
        assertEquals(Maalform.NOEYTRAL, organisation("34").maalform(), "Innlandet: bokmål 22 of 46, no majority");
        assertEquals(Maalform.NOEYTRAL, organisation("39").maalform(), "Vestfold: bokmål 3 of 6 is no majority");
    }

    @Test
    void kommuneKeepsTheRegistersMaalform() {
        assertEquals(Maalform.NYNORSK, organisation("1120").maalform(), "Klepp");
        assertEquals(Maalform.BOKMAAL, organisation("3101").maalform(), "Halden");
        assertEquals(Maalform.NOEYTRAL, organisation("0301").maalform(), "Oslo");
    }

    @Test
    void slugIsLowerCaseAsciiWithNorwegianLettersSpelledOut() {
        assertEquals("baerum", Register.slug("Bærum"));
        assertEquals("aurskog-holand", Register.slug("Aurskog-Høland"));
        assertEquals("masoy", Register.slug("Måsøy"));
        assertEquals("nord-aurdal", Register.slug("Nord-Aurdal"));
        assertEquals("more-og-romsdal", Register.slug("Møre og Romsdal"));
        assertEquals("unjarga", Register.slug("Unjárga"));
    }
}
