package no.ks.barometer.local.schedule;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * An EventBridge {@code cron(minutes hours day-of-month month day-of-week year)} expression, in a zone. Read are
 * numbers, names ({@code JAN}, {@code MON}), {@code *}, ranges ({@code 1-5}), lists ({@code 0,30}), steps
 * ({@code 0/15}, {@code *}{@code /5}) and the {@code ?} that one of the two day fields must be. {@code L},
 * {@code W} and {@code #} (last day, nearest weekday, n-th weekday of the month) are refused as unsupported.
 */
public final class CronExpression implements ScheduleExpression {

    private static final int LAST_YEAR = 2199;
    private static final List<String> MONTHS =
            List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");
    /** In AWS's numbering: SUN is 1, SAT is 7. */
    private static final List<String> DAYS = List.of("SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT");

    private final String text;
    private final ZoneId zone;
    private final BitSet minutes;
    private final BitSet hours;
    /** Null when the field is {@code ?}: the day of the week decides. */
    private final BitSet daysOfMonth;
    private final BitSet months;
    /** Null when the field is {@code ?}: the day of the month decides. */
    private final BitSet daysOfWeek;
    private final BitSet years;

    private CronExpression(String text, ZoneId zone, String[] fields) {
        this.text = text;
        this.zone = zone;
        this.minutes = field(fields[0], "minutes", 0, 59, List.of());
        this.hours = field(fields[1], "hours", 0, 23, List.of());
        this.daysOfMonth = fields[2].equals("?") ? null : field(fields[2], "day-of-month", 1, 31, List.of());
        this.months = field(fields[3], "month", 1, 12, MONTHS);
        this.daysOfWeek = fields[4].equals("?") ? null : field(fields[4], "day-of-week", 1, 7, DAYS);
        this.years = field(fields[5], "year", 1970, LAST_YEAR, List.of());
        if ((daysOfMonth == null) == (daysOfWeek == null)) {
            throw new InvalidException(this + ": exactly one of day-of-month and day-of-week must be ?");
        }
    }

    static CronExpression parse(String body, ZoneId zone) {
        String[] fields = body.trim().split(" +");
        if (fields.length != 6) {
            throw new InvalidException("cron(" + body + ") needs six fields: minutes hours day-of-month month"
                    + " day-of-week year");
        }
        return new CronExpression(body, zone, fields);
    }

    private BitSet field(String field, String name, int min, int max, List<String> names) {
        BitSet values = new BitSet();
        for (String item : field.split(",", -1)) {
            String withoutNames = item.toUpperCase(Locale.ROOT);
            for (String known : names) {
                withoutNames = withoutNames.replace(known, "");
            }
            if (withoutNames.matches(".*[LW#].*")) {
                throw new UnsupportedException(this + ": " + name + " '" + item + "' uses L, W or #, which the local"
                        + " scheduler does not read");
            }
            int slash = item.indexOf('/');
            String range = slash < 0 ? item : item.substring(0, slash);
            int step = slash < 0 ? 1 : number(item.substring(slash + 1), name, 1, max);
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.indexOf('-') > 0) {
                from = value(range.substring(0, range.indexOf('-')), name, min, max, names);
                to = value(range.substring(range.indexOf('-') + 1), name, min, max, names);
            } else {
                from = value(range, name, min, max, names);
                to = slash < 0 ? from : max;
            }
            if (from > to) {
                throw new InvalidException(this + ": " + name + " range '" + item + "' runs backwards");
            }
            for (int value = from; value <= to; value += step) {
                values.set(value);
            }
        }
        return values;
    }

    private int value(String token, String name, int min, int max, List<String> names) {
        int named = names.indexOf(token.toUpperCase(Locale.ROOT));
        if (named >= 0) {
            return named + 1;
        }
        return number(token, name, min, max);
    }

    private int number(String token, String name, int min, int max) {
        if (!token.matches("\\d{1,4}")) {
            throw new InvalidException(this + ": " + name + " '" + token + "' is not a number");
        }
        int value = Integer.parseInt(token);
        if (value < min || value > max) {
            throw new InvalidException(this + ": " + name + " " + value + " is outside " + min + "-" + max);
        }
        return value;
    }

    @Override
    public Optional<Instant> nextAfter(Instant after, Instant start) {
        ZonedDateTime time = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        while (time.getYear() <= LAST_YEAR) {
            if (!years.get(time.getYear())) {
                time = time.withDayOfYear(1).truncatedTo(ChronoUnit.DAYS).plusYears(1);
            } else if (!months.get(time.getMonthValue())) {
                time = time.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS).plusMonths(1);
            } else if (!dayMatches(time)) {
                time = time.truncatedTo(ChronoUnit.DAYS).plusDays(1);
            } else if (!hours.get(time.getHour())) {
                time = time.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(time.getMinute())) {
                time = time.plusMinutes(1);
            } else {
                return Optional.of(time.toInstant());
            }
        }
        return Optional.empty();
    }

    private boolean dayMatches(ZonedDateTime time) {
        if (daysOfMonth != null) {
            return daysOfMonth.get(time.getDayOfMonth());
        }
        // java.time counts MONDAY 1 to SUNDAY 7; AWS counts SUN 1 to SAT 7.
        return daysOfWeek.get(time.getDayOfWeek().getValue() % 7 + 1);
    }

    @Override
    public String toString() {
        return "cron(" + text + ")";
    }
}
