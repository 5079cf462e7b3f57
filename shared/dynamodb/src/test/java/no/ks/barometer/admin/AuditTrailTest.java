package no.ks.barometer.admin;

import no.ks.barometer.testing.DynamoDbLocal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static no.ks.barometer.admin.AdminFixture.ADMIN;
import static no.ks.barometer.admin.AdminFixture.done;
import static no.ks.barometer.admin.AdminFixture.refused;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@ExtendWith(DynamoDbLocal.class)
class AuditTrailTest {

    @Test
    void everyActionIsRecordedWithWhoWhatWhenAndWhichOrganisationNewestFirst(DynamoDbLocal.LocalTable table) {
        AdminFixture fixture = new AdminFixture(table);
        Actor other = new Actor("arn:aws:sts::123456789012:assumed-role/barometer-admin/kollega");
        fixture.createSurvey("audit");
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.register().importFile("audit", "number,name,type,fylke,population,maalform,emails\n"
                + "3101,Halden,kommune,31,31444,Bokmål,a@halden.example\n", RegisterFormat.CSV, ADMIN));
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.invitations().reissue("audit", "3101", other));
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.invitations().revoke("audit", "3101", other));
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.surveys().extend("audit", fixture.surveys.get("audit").orElseThrow().closesAt()
                .plus(Duration.ofDays(1)), ADMIN));
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.surveys().close("audit", ADMIN));
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.surveys().open("audit", ADMIN));
        fixture.clock.advance(Duration.ofSeconds(1));
        done(fixture.admin.export().export("audit", ExportFormat.CSV, other));
        refused(fixture.admin.invitations().revoke("audit", "9999", ADMIN));

        List<AuditEntry> entries = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ListPage<AuditEntry> page = done(fixture.admin.audit().list("audit", cursor, 3));
            entries.addAll(page.items());
            cursor = page.next();
        } while (cursor.isPresent());

        assertEquals(List.of(AuditAction.RESPONSES_EXPORTED, AuditAction.SURVEY_OPENED, AuditAction.SURVEY_CLOSED,
                AuditAction.SURVEY_EXTENDED, AuditAction.LINK_REVOKED, AuditAction.LINK_REISSUED),
                entries.subList(0, 6).stream().map(AuditEntry::action).toList());
        assertTrue(List.of(AuditAction.REGISTER_IMPORTED, AuditAction.ORGANISATION_INVITED)
                .containsAll(entries.subList(6, 8).stream().map(AuditEntry::action).toList()));
        assertEquals(AuditAction.SURVEY_CREATED, entries.get(8).action());
        assertEquals(9, entries.size());
        AuditEntry revoked = entries.get(4);
        assertEquals(other, revoked.actor());
        assertEquals("3101", revoked.orgNumber());
        assertEquals(fixture.clock.instant().minusSeconds(4), revoked.at());
        assertNull(entries.get(1).orgNumber());
        assertEquals(ADMIN, entries.get(1).actor());
    }

    @Test
    void pageSizeOutsideItsBoundsIsRefused(DynamoDbLocal.LocalTable table) {
        AdminFixture fixture = new AdminFixture(table);
        assertEquals(Refusal.INVALID_REQUEST, refused(fixture.admin.audit().list("x", Optional.empty(), 0)).reason());
    }
}
