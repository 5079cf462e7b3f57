package no.ks.barometer.admin;

import no.ks.barometer.invitation.IssuedInvitation;
import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.register.Register;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.StoredResponse;
import no.ks.barometer.testing.DynamoDbLocal;
import no.ks.barometer.token.Tokens;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static no.ks.barometer.admin.AdminFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class RegisterImportTest {

    private static final String HEADER = "number,name,type,fylke,population,maalform,emails\n";
    private static final String TWO = HEADER
            + "3101,Halden,kommune,31,31444,Bokmål,postmottak@halden.kommune.example\n"
            + "31,Østfold fylkeskommune,fylkeskommune,31,311000,Nøytral,post@ofk.example\n";

    private static AdminFixture fixture;
    private static RegisterImport register;

    @BeforeAll
    static void setUp(DynamoDbLocal.LocalTable table) {
        fixture = new AdminFixture(table);
        register = fixture.admin.register();
    }

    @Test
    void importInvitesEveryOrganisationAndHandsOverLinksThatWork() {
        fixture.createSurvey("import-new");

        ImportReport report = done(register.importFile("import-new", TWO, RegisterFormat.CSV, ADMIN));

        assertEquals(List.of("3101", "31"), report.invited().stream().map(i -> i.organisation().number()).toList());
        for (IssuedInvitation invitation : report.invited()) {
            assertTrue(invitation.link().toString().startsWith("https://barometer.example/#t="));
            StoredResponse response = fixture.responses.findByToken(Tokens.hash(invitation.token()),
                    fixture.clock.instant()).orElseThrow();
            assertEquals(invitation.organisation(), response.organisation());
        }
        assertEquals(List.of(), report.updated());
    }

    @Test
    void reimportUpdatesByNumberKeepsLinkAndAnswersAndNeverInvitesTwice() {
        fixture.createSurvey("import-again");
        IssuedInvitation first = done(register.importFile("import-again", TWO, RegisterFormat.CSV, ADMIN))
                .invited().getFirst();
        fixture.respond("import-again", "3101", ResponseStatus.IN_PROGRESS, "{\"Q0\": {\"choice\": 1}}");

        ImportReport again = done(register.importFile("import-again", HEADER
                + "3101,Halden,kommune,31,32000,Nynorsk,ny@halden.example;postmottak@halden.kommune.example\n"
                + "31,Østfold fylkeskommune,fylkeskommune,31,311000,Nøytral,post@ofk.example\n"
                + "3103,Sarpsborg,kommune,31,60000,Bokmål,post@sarpsborg.example\n", RegisterFormat.CSV, ADMIN));

        assertEquals(List.of("3101"), again.updated());
        assertEquals(1, again.unchanged());
        assertEquals(List.of("3103"), again.invited().stream().map(i -> i.organisation().number()).toList());
        StoredResponse halden = fixture.responses.findByToken(Tokens.hash(first.token()), fixture.clock.instant())
                .orElseThrow();
        assertEquals(Maalform.NYNORSK, halden.organisation().maalform());
        assertEquals(32000, halden.organisation().population());
        assertEquals(List.of("ny@halden.example", "postmottak@halden.kommune.example"),
                halden.organisation().contactEmails());
        assertEquals(ResponseStatus.IN_PROGRESS, halden.status());
        assertEquals(1, halden.answers().size());
        assertEquals(3, invitationItems("import-again").size());
    }

    @Test
    void refusedFileStoresNothingAndNamesEveryBadRow() {
        fixture.createSurvey("import-refused");

        Outcome.Refused<ImportReport> refusal = refused(register.importFile("import-refused", TWO
                + "3102,Sarpsborg,kommune,31,mange,Bokmål,post@sarpsborg.example\n"
                + "3103,Fredrikstad,kommune,31,80000,Bokmål,\n", RegisterFormat.CSV, ADMIN));

        assertEquals(Refusal.INVALID_REGISTER, refusal.reason());
        assertEquals(List.of("4:population", "5:emails"),
                refusal.errors().stream().map(e -> e.line() + ":" + e.field()).toList());
        assertEquals(0, invitationItems("import-refused").size());
        assertEquals(List.of(AuditAction.SURVEY_CREATED), auditActions("import-refused"));
    }

    @Test
    void refusedReimportLeavesTheEarlierImportAsItWas() {
        fixture.createSurvey("import-refused-again");
        done(register.importFile("import-refused-again", TWO, RegisterFormat.CSV, ADMIN));
        Map<String, AttributeValue> before = invitationItems("import-refused-again").getFirst();

        refused(register.importFile("import-refused-again", HEADER
                + "3101,Halden,kommune,31,99999,Bokmål,endret@halden.example\n"
                + "9999,Ukjent,kommune,99,1,Bokmål,a@b.example\n", RegisterFormat.CSV, ADMIN));

        assertEquals(before, invitationItems("import-refused-again").getFirst());
        assertEquals(2, invitationItems("import-refused-again").size());
    }

    @Test
    void jsonRegisterIsImportedLikeCsv() {
        fixture.createSurvey("import-json");

        ImportReport report = done(register.importFile("import-json", """
                [{"number": "3101", "name": "Halden", "type": "kommune", "fylke": "31", "population": 31444,
                  "maalform": "Bokmål", "emails": ["postmottak@halden.kommune.example"]}]""",
                RegisterFormat.JSON, ADMIN));

        assertEquals("Østfold", report.invited().getFirst().organisation().countyName());
    }

    @Test
    void standardRegisterInvitesEveryKommuneAndFylkeskommuneAndSecondImportChangesNothing() {
        fixture.createSurvey("import-standard");

        ImportReport first = done(register.importStandard("import-standard", ADMIN));
        ImportReport second = done(register.importStandard("import-standard", ADMIN));

        assertEquals(Register.standard().all().size(), first.invited().size());
        assertEquals(List.of(), second.invited());
        assertEquals(Register.standard().all().size(), second.unchanged());
        assertEquals(Register.standard().all().size(), invitationItems("import-standard").size());
    }

    @Test
    void importIntoAnUnknownSurveyIsRefused() {
        assertEquals(Refusal.SURVEY_NOT_FOUND,
                refused(register.importFile("finnes-ikke", TWO, RegisterFormat.CSV, ADMIN)).reason());
    }

    private static List<Map<String, AttributeValue>> invitationItems(String surveyId) {
        return fixture.table.client().query(QueryRequest.builder().tableName(fixture.table.tableName())
                .keyConditionExpression("pk = :pk AND begins_with(sk, :org)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("SURVEY#" + surveyId),
                        ":org", AttributeValue.fromS("ORG#")))
                .build()).items();
    }

    private static List<AuditAction> auditActions(String surveyId) {
        return done(fixture.admin.audit().list(surveyId, Optional.empty(), 100)).items().stream()
                .map(AuditEntry::action).toList();
    }
}
