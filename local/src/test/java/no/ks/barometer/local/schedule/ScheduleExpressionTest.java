package no.ks.barometer.local.schedule;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** EventBridge's rate, cron and at expressions, read as AWS reads them. */
class ScheduleExpressionTest {

    /** A Monday. */
    private static final Instant START = Instant.parse("2026-11-30T22:07:30Z");

    private static Optional<Instant> next(String expression, Instant after) {
        return ScheduleExpression.parse(expression, ZoneOffset.UTC).nextAfter(after, START);
    }

    private static Instant at(String time) {
        return Instant.parse(time);
    }

    @Test
    void rateCountsWholePeriodsFromTheStart() {
        assertEquals(Optional.of(at("2026-11-30T22:22:30Z")), next("rate(15 minutes)", START));
        assertEquals(Optional.of(at("2026-11-30T22:37:30Z")), next("rate(15 minutes)", at("2026-11-30T22:22:30Z")));
        assertEquals(Optional.of(at("2026-12-01T00:07:30Z")), next("rate(1 hour)", at("2026-11-30T23:30:00Z")));
        assertEquals(Optional.of(at("2026-12-01T22:07:30Z")), next("rate(1 day)", START));
        assertEquals(Optional.of(at("2026-11-30T22:08:30Z")), next("rate(1 minute)", START));
    }

    @Test
    void rateWithTheWrongNumberOfItsUnitOrAnUnknownUnitIsInvalid() {
        for (String expression : List.of("rate(1 hours)", "rate(5 hour)", "rate(0 minutes)", "rate(2 weeks)",
                "rate(minutes)", "rate(-1 minutes)", "every(5 minutes)")) {
            assertThrows(ScheduleExpression.InvalidException.class,
                    () -> ScheduleExpression.parse(expression, ZoneOffset.UTC), expression);
        }
    }

    @Test
    void cronFindsTheNextMatchingMinute() {
        assertEquals(Optional.of(at("2026-12-01T02:00:00Z")), next("cron(0 2 * * ? *)", START));
        assertEquals(Optional.of(at("2026-11-30T22:15:00Z")), next("cron(0/15 * * * ? *)", START));
        assertEquals(Optional.of(at("2026-11-30T22:10:00Z")), next("cron(*/5 * * * ? *)", START));
        assertEquals(Optional.of(at("2026-11-30T23:00:00Z")), next("cron(0,30 23 * * ? *)", START));
        assertEquals(Optional.of(at("2027-01-01T08:00:00Z")), next("cron(0 8 1 JAN,JUL ? 2027)", START));
        assertEquals(Optional.of(at("2026-12-15T12:00:00Z")), next("cron(0 12 15 * ? *)", START));
    }

    @Test
    void cronDayOfWeekCountsSundayAsOne() {
        // After Monday evening: the next weekday morning is Tuesday; Sunday (1) is six days on.
        assertEquals(Optional.of(at("2026-12-01T09:00:00Z")), next("cron(0 9 ? * MON-FRI *)", START));
        assertEquals(Optional.of(at("2026-12-06T00:00:00Z")), next("cron(0 0 ? * 1 *)", START));
        assertEquals(Optional.of(at("2026-12-06T00:00:00Z")), next("cron(0 0 ? * SUN *)", START));
        assertEquals(Optional.of(at("2026-12-05T06:00:00Z")), next("cron(0 6 ? * 7 *)", START));
        // From Friday after nine, the next is Monday.
        assertEquals(Optional.of(at("2026-12-07T09:00:00Z")),
                next("cron(0 9 ? * MON-FRI *)", at("2026-12-04T09:00:00Z")));
    }

    @Test
    void cronIsReadInTheSchedulesTimeZone() {
        ScheduleExpression oslo = ScheduleExpression.parse("cron(0 2 * * ? *)", ZoneId.of("Europe/Oslo"));
        // Oslo is UTC+1 in winter and UTC+2 in summer.
        assertEquals(Optional.of(at("2026-12-01T01:00:00Z")), oslo.nextAfter(START, START));
        assertEquals(Optional.of(at("2027-06-01T00:00:00Z")), oslo.nextAfter(at("2027-05-31T12:00:00Z"), START));
    }

    @Test
    void cronThatNeverComesAgainHasNoNextTime() {
        assertEquals(Optional.empty(), next("cron(0 0 1 1 ? 2025)", START));
    }

    @Test
    void cronAgainstAwsSyntaxIsInvalid() {
        for (String expression : List.of("cron(0 2 * * *)", "cron(0 2 * * * *)", "cron(0 2 ? * ? *)",
                "cron(60 2 * * ? *)", "cron(0 24 * * ? *)", "cron(0 2 32 * ? *)", "cron(0 2 ? * 8 *)",
                "cron(0 2 10-5 * ? *)", "cron(x 2 * * ? *)", "cron(0 2 * FOO ? *)")) {
            assertThrows(ScheduleExpression.InvalidException.class,
                    () -> ScheduleExpression.parse(expression, ZoneOffset.UTC), expression);
        }
    }

    @Test
    void cronWithLastWeekdayOrNthDayIsRefusedAsUnsupportedLocally() {
        for (String expression : List.of("cron(0 2 L * ? *)", "cron(0 2 15W * ? *)", "cron(0 2 LW * ? *)",
                "cron(0 2 ? * 6#3 *)", "cron(0 2 ? * 5L *)", "cron(0 2 ? * FRI#1 *)")) {
            ScheduleExpression.UnsupportedException e = assertThrows(ScheduleExpression.UnsupportedException.class,
                    () -> ScheduleExpression.parse(expression, ZoneOffset.UTC), expression);
            assertTrue(e.getMessage().contains("L, W or #"), e.getMessage());
        }
    }

    @Test
    void monthAndDayNamesWithTheLettersLAndWAreNames() {
        assertEquals(Optional.of(at("2027-07-07T00:00:00Z")), next("cron(0 0 ? JUL WED 2027)", START));
        assertEquals(Optional.of(at("2027-06-01T00:00:00Z")), next("cron(0 0 1 JUN-JUL ? 2027)", START));
    }

    @Test
    void atFiresOnceInItsZone() {
        ScheduleExpression once = ScheduleExpression.parse("at(2027-03-01T09:00:00)", ZoneId.of("Europe/Oslo"));
        assertEquals(Optional.of(at("2027-03-01T08:00:00Z")), once.nextAfter(START, START));
        assertEquals(Optional.empty(), once.nextAfter(at("2027-03-01T08:00:00Z"), START));
        assertThrows(ScheduleExpression.InvalidException.class,
                () -> ScheduleExpression.parse("at(tomorrow)", ZoneOffset.UTC));
    }
}
