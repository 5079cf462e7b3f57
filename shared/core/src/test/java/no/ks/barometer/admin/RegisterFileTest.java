package no.ks.barometer.admin;

import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RegisterFileTest {

    private static final String HEADER = "number,name,type,fylke,population,maalform,emails\n";

    @Test
    void csvRowBecomesAnOrganisationWithItsFylkeNamedFromTheRegister() {
        RegisterFile.Parsed parsed = RegisterFile.parse(HEADER
                + "3101,Halden,kommune,31,31444,Bokmål,postmottak@halden.kommune.example\n", RegisterFormat.CSV);

        assertEquals(List.of(new Organisation("3101", "Halden", OrgType.KOMMUNE, "31", "Østfold", 31444,
                Maalform.BOKMAAL, List.of("postmottak@halden.kommune.example"))), parsed.organisations());
    }

    @Test
    void semicolonSeparatedFileWithByteOrderMarkAndSeveralAddressesIsRead() {
        RegisterFile.Parsed parsed = RegisterFile.parse("\uFEFFnumber;name;type;fylke;population;maalform;emails\r\n"
                + "46;\"Vestland fylkeskommune\";fylkeskommune;46;650000;nynorsk;\"a@vlfk.example, b@vlfk.example\"\r\n",
                RegisterFormat.CSV);

        assertTrue(parsed.accepted(), parsed.errors().toString());
        Organisation vestland = parsed.organisations().getFirst();
        assertEquals(Maalform.NYNORSK, vestland.maalform());
        assertEquals(List.of("a@vlfk.example", "b@vlfk.example"), vestland.contactEmails());
        assertEquals("Vestland", vestland.countyName());
    }

    @Test
    void columnsMayComeInAnyOrder() {
        RegisterFile.Parsed parsed = RegisterFile.parse("emails,maalform,population,fylke,type,name,number\n"
                + "x@halden.example,Nøytral,1,31,kommune,Halden,3101\n", RegisterFormat.CSV);

        assertEquals("3101", parsed.organisations().getFirst().number());
    }

    @Test
    void everyBadFieldOfEveryRowIsReportedByLineAndField() {
        String csv = HEADER
                + "3101,Halden,kommune,31,31444,Bokmål,postmottak@halden.kommune.example\n"   // line 2: good
                + "31O1,Halden,kommune,31,31444,Bokmål,a@halden.example\n"                     // line 3: number
                + "3102,,kommune,31,10,Bokmål,a@b.example\n"                                    // line 4: name
                + "3103,X,bydel,31,10,Bokmål,a@b.example\n"                                     // line 5: type
                + "3104,X,kommune,99,10,Bokmål,a@b.example\n"                                   // line 6: fylke
                + "3105,X,kommune,46,10,Bokmål,a@b.example\n"                                   // line 7: fylke mismatch
                + "3106,X,kommune,31,mange,Bokmål,a@b.example\n"                                // line 8: population
                + "3107,X,kommune,31,10,Latin,a@b.example\n"                                    // line 9: målform
                + "3108,X,kommune,31,10,Bokmål,\n"                                              // line 10: no e-mail
                + "3109,X,kommune,31,10,Bokmål,ikke-en-adresse\n"                               // line 11: bad e-mail
                + "3101,Halden igjen,kommune,31,1,Bokmål,a@b.example\n"                         // line 12: duplicate
                + "3110,X,kommune,31,10\n"                                                      // line 13: too few fields
                + "31,Østfold,fylkeskommune,32,10,Bokmål,a@b.example\n"                         // line 14: fylke mismatch
                + "3111,X,kommune,31,-5,Bokmål,a@b.example;a@B.example\n";                      // line 15: two errors

        RegisterFile.Parsed parsed = RegisterFile.parse(csv, RegisterFormat.CSV);

        assertFalse(parsed.accepted());
        assertEquals(List.of(), parsed.organisations());
        assertEquals(List.of("3:number", "4:name", "5:type", "6:fylke", "7:fylke", "8:population", "9:maalform",
                "10:emails", "11:emails", "12:number", "13:", "14:fylke", "15:population", "15:emails"),
                parsed.errors().stream().map(e -> e.line() + ":" + e.field()).toList());
    }

    @Test
    void lineNumbersCountLineBreaksInsideQuotedFields() {
        RegisterFile.Parsed parsed = RegisterFile.parse(HEADER
                + "3101,\"Halden\nkommune\",kommune,31,31444,Bokmål,a@b.example\n"
                + "3102,X,kommune,31,x,Bokmål,a@b.example\n", RegisterFormat.CSV);

        assertEquals(List.of("2:name", "4:population"),
                parsed.errors().stream().map(e -> e.line() + ":" + e.field()).toList());
    }

    @Test
    void headerWithAnUnknownOrMissingColumnIsRefused() {
        RegisterFile.Parsed parsed = RegisterFile.parse("number,name,type,fylke,population,målform,emails\n"
                + "3101,Halden,kommune,31,31444,Bokmål,a@b.example\n", RegisterFormat.CSV);

        assertEquals(List.of("1:målform", "1:maalform"),
                parsed.errors().stream().map(e -> e.line() + ":" + e.field()).toList());
    }

    @Test
    void unterminatedQuoteIsReportedWhereItsRecordStarts() {
        RegisterFile.Parsed parsed = RegisterFile.parse(HEADER + "3101,Halden,kommune,31,1,Bokmål,a@b.example\n"
                + "3102,\"Sarpsborg,kommune,31,1,Bokmål,a@b.example\n", RegisterFormat.CSV);

        assertEquals(List.of("3:"), parsed.errors().stream().map(e -> e.line() + ":" + e.field()).toList());
    }

    @Test
    void fileWithoutOrganisationsIsRefused() {
        assertFalse(RegisterFile.parse(HEADER, RegisterFormat.CSV).accepted());
        assertFalse(RegisterFile.parse("[]", RegisterFormat.JSON).accepted());
    }

    @Test
    void jsonElementBecomesAnOrganisation() {
        RegisterFile.Parsed parsed = RegisterFile.parse("""
                [
                  {"number": "3101", "name": "Halden", "type": "kommune", "fylke": "31", "population": 31444,
                   "maalform": "Bokmål", "emails": ["postmottak@halden.kommune.example", "ks@halden.example"]}
                ]""", RegisterFormat.JSON);

        assertEquals(List.of("postmottak@halden.kommune.example", "ks@halden.example"),
                parsed.organisations().getFirst().contactEmails());
    }

    @Test
    void jsonErrorsNameTheLineWhereTheElementStartsAndTheMember() {
        RegisterFile.Parsed parsed = RegisterFile.parse("""
                [
                  {"number": "3101", "name": "Halden", "type": "kommune", "fylke": "31", "population": 31444,
                   "maalform": "Bokmål", "emails": ["a@b.example"]},
                  {"number": 3102, "name": "X", "type": "kommune", "fylke": "31", "population": "10",
                   "maalform": "Bokmål", "emails": "a@b.example", "extra": true},
                  {"name": "Y", "type": "kommune", "fylke": "31", "population": 10, "maalform": "Bokmål",
                   "emails": []},
                  "3104"
                ]""", RegisterFormat.JSON);

        assertEquals(List.of("4:extra", "4:number", "4:population", "4:emails", "6:number", "6:emails", "8:"),
                parsed.errors().stream().map(e -> e.line() + ":" + e.field()).toList());
    }

    @Test
    void fileThatIsNotJsonIsRefusedWithItsLine() {
        RegisterFile.Parsed parsed = RegisterFile.parse("[\n{\"number\": \"3101\",\n", RegisterFormat.JSON);

        assertFalse(parsed.accepted());
        assertEquals("", parsed.errors().getFirst().field());
    }

    @Test
    void fileWithMoreRowsThanAllowedIsRefusedAsAWhole() {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i <= RegisterFile.MAX_ROWS; i++) {
            csv.append("3101,X,kommune,31,1,Bokmål,a@b.example\n");
        }

        RegisterFile.Parsed parsed = RegisterFile.parse(csv.toString(), RegisterFormat.CSV);

        assertEquals(1, parsed.errors().size());
        assertEquals(0, parsed.errors().getFirst().line());
    }
}
