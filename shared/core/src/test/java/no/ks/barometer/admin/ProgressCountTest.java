package no.ks.barometer.admin;

import no.ks.barometer.invitation.Maalform;
import no.ks.barometer.invitation.Organisation;
import no.ks.barometer.questionnaire.OrgType;
import no.ks.barometer.response.ResponseStatus;
import no.ks.barometer.response.ResponseTimes;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ProgressCountTest {

    private static final Instant NOW = Instant.parse("2024-10-01T12:00:00Z");
    private static final ResponseTimes TIMES = new ResponseTimes(NOW, null, null, null, null, null);

    /**
     * Ten invitations, counted by hand:
     * <pre>
     * number  type           fylke  population  landsdel    status
     * 3101    kommune        31      31 444     Østlandet   COMPLETED
     * 3103    kommune        31      49 999     Østlandet   IN_PROGRESS
     * 3105    kommune        31      20 000     Østlandet   COMPLETED
     * 4601    kommune        46     291 000     Vestlandet  OPENED
     * 4602    kommune        46       4 999     Vestlandet  INVITED
     * 4603    kommune        46       5 000     Vestlandet  DECLINED
     * 5501    kommune        55      19 999     Nord-Norge  WRONG_RECIPIENT
     * 5502    kommune        55          50     Nord-Norge  COMPLETED
     * 31      fylkeskommune  31     311 000     Østlandet   COMPLETED
     * 46      fylkeskommune  46     650 000     Vestlandet  INVITED
     * </pre>
     */
    private static final List<InvitationSummary> INVITATIONS = List.of(
            invitation("3101", OrgType.KOMMUNE, "31", "Østfold", 31_444, ResponseStatus.COMPLETED),
            invitation("3103", OrgType.KOMMUNE, "31", "Østfold", 49_999, ResponseStatus.IN_PROGRESS),
            invitation("3105", OrgType.KOMMUNE, "31", "Østfold", 20_000, ResponseStatus.COMPLETED),
            invitation("4601", OrgType.KOMMUNE, "46", "Vestland", 291_000, ResponseStatus.OPENED),
            invitation("4602", OrgType.KOMMUNE, "46", "Vestland", 4_999, ResponseStatus.INVITED),
            invitation("4603", OrgType.KOMMUNE, "46", "Vestland", 5_000, ResponseStatus.DECLINED),
            invitation("5501", OrgType.KOMMUNE, "55", "Troms", 19_999, ResponseStatus.WRONG_RECIPIENT),
            invitation("5502", OrgType.KOMMUNE, "55", "Troms", 50, ResponseStatus.COMPLETED),
            invitation("31", OrgType.FYLKESKOMMUNE, "31", "Østfold", 311_000, ResponseStatus.COMPLETED),
            invitation("46", OrgType.FYLKESKOMMUNE, "46", "Vestland", 650_000, ResponseStatus.INVITED));

    private static final ProgressReport REPORT = ProgressCount.count("s", NOW, INVITATIONS, List.of());

    @Test
    void overallFiguresMatchTheHandCount() {
        assertEquals(new StatusCounts(10, 2, 1, 1, 4, 1, 1, 40.0), REPORT.overall());
    }

    @Test
    void figuresPerOrganisationType() {
        assertEquals(Map.of(
                "kommune", new StatusCounts(8, 1, 1, 1, 3, 1, 1, 37.5),
                "fylkeskommune", new StatusCounts(2, 1, 0, 0, 1, 0, 0, 50.0)), byKey(REPORT.byOrgType()));
        assertEquals(List.of("kommune", "fylkeskommune"), keys(REPORT.byOrgType()));
    }

    @Test
    void figuresPerSizeGroupWithTheBoundsWhereTheyBelong() {
        assertEquals(Map.of(
                "UNDER_5000", new StatusCounts(2, 1, 0, 0, 1, 0, 0, 50.0),
                "FROM_5000", new StatusCounts(2, 0, 0, 0, 0, 1, 1, 0.0),
                "FROM_20000", new StatusCounts(3, 0, 0, 1, 2, 0, 0, 66.7),
                "FROM_50000", new StatusCounts(3, 1, 1, 0, 1, 0, 0, 33.3)), byKey(REPORT.bySizeGroup()));
        assertEquals(List.of("UNDER_5000", "FROM_5000", "FROM_20000", "FROM_50000"), keys(REPORT.bySizeGroup()));
        assertEquals("5 000–19 999", REPORT.bySizeGroup().get(1).label());
    }

    @Test
    void figuresPerFylkeAndLandsdel() {
        assertEquals(Map.of(
                "31", new StatusCounts(4, 0, 0, 1, 3, 0, 0, 75.0),
                "46", new StatusCounts(4, 2, 1, 0, 0, 1, 0, 0.0),
                "55", new StatusCounts(2, 0, 0, 0, 1, 0, 1, 50.0)), byKey(REPORT.byFylke()));
        assertEquals(Map.of(
                "OESTLANDET", new StatusCounts(4, 0, 0, 1, 3, 0, 0, 75.0),
                "VESTLANDET", new StatusCounts(4, 2, 1, 0, 0, 1, 0, 0.0),
                "NORD_NORGE", new StatusCounts(2, 0, 0, 0, 1, 0, 1, 50.0)), byKey(REPORT.byLandsdel()));
        assertEquals(List.of("OESTLANDET", "VESTLANDET", "NORD_NORGE"), keys(REPORT.byLandsdel()));
        assertEquals("Nord-Norge", REPORT.byLandsdel().get(2).label());
    }

    @Test
    void surveyWithoutInvitationsHasARateOfZero() {
        assertEquals(new StatusCounts(0, 0, 0, 0, 0, 0, 0, 0.0), ProgressCount.count("s", NOW, List.of(), List.of()).overall());
    }

    private static Map<String, StatusCounts> byKey(List<ProgressReport.Segment> segments) {
        return segments.stream().collect(Collectors.toMap(ProgressReport.Segment::key, ProgressReport.Segment::counts));
    }

    private static List<String> keys(List<ProgressReport.Segment> segments) {
        return segments.stream().map(ProgressReport.Segment::key).toList();
    }

    private static InvitationSummary invitation(String number, OrgType type, String fylke, String fylkeName,
                                                int population, ResponseStatus status) {
        return new InvitationSummary(new Organisation(number, "Org " + number, type, fylke, fylkeName, population,
                Maalform.BOKMAAL, List.of("post@org" + number + ".example")), status, TIMES,
                NOW.plusSeconds(3600), null);
    }
}
