package no.ks.barometer.local.schedule;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When a schedule fires, from its EventBridge expression: {@code rate(15 minutes)}, {@code cron(0 2 * * ? *)} or,
 * for EventBridge Scheduler, the one-time {@code at(2025-03-01T09:00:00)}, in AWS's syntax.
 */
public sealed interface ScheduleExpression permits ScheduleExpression.Rate, ScheduleExpression.At, CronExpression {

    /**
     * The first time after {@code after} that the schedule fires, or empty when it never fires again.
     *
     * @param start when the schedule began here, from which a rate counts
     */
    Optional<Instant> nextAfter(Instant after, Instant start);

    /**
     * @param zone where cron and at expressions are read (EventBridge Scheduler's ScheduleExpressionTimezone; UTC
     *             for rules)
     * @throws InvalidException     for an expression AWS would refuse as well
     * @throws UnsupportedException for an expression AWS runs but the local scheduler does not
     */
    static ScheduleExpression parse(String expression, ZoneId zone) {
        Matcher matcher = Pattern.compile("(rate|cron|at)\\((.*)\\)").matcher(expression.trim());
        if (!matcher.matches()) {
            throw new InvalidException("'" + expression + "' is not rate(...), cron(...) or at(...)");
        }
        String body = matcher.group(2).trim();
        return switch (matcher.group(1)) {
            case "rate" -> Rate.parse(body);
            case "cron" -> CronExpression.parse(body, zone);
            default -> At.parse(body, zone);
        };
    }

    /** {@code rate(value unit)}: every period, counted from when the schedule began. */
    record Rate(Duration period) implements ScheduleExpression {

        private static final Pattern SYNTAX = Pattern.compile("(\\d+) +(minutes?|hours?|days?)");

        static Rate parse(String body) {
            Matcher matcher = SYNTAX.matcher(body);
            if (!matcher.matches()) {
                throw new InvalidException("rate(" + body + ") is not rate(value minute(s)|hour(s)|day(s))");
            }
            long value;
            try {
                value = Long.parseLong(matcher.group(1));
            } catch (NumberFormatException e) {
                throw new InvalidException("rate(" + body + ") has a value that is too large");
            }
            String unit = matcher.group(2);
            boolean plural = unit.endsWith("s");
            if (value < 1 || plural != (value > 1)) {
                throw new InvalidException("rate(" + body + "): the value must be a positive whole number, with the"
                        + " unit singular for 1 and plural above (rate(1 hour), rate(15 minutes))");
            }
            Duration period = switch (unit.replaceAll("s$", "")) {
                case "minute" -> Duration.ofMinutes(value);
                case "hour" -> Duration.ofHours(value);
                default -> Duration.ofDays(value);
            };
            return new Rate(period);
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            if (after.isBefore(start)) {
                return Optional.of(start.plus(period));
            }
            long periods = Duration.between(start, after).dividedBy(period) + 1;
            return Optional.of(start.plus(period.multipliedBy(periods)));
        }
    }

    /** {@code at(yyyy-mm-ddThh:mm:ss)}: once. */
    record At(Instant time) implements ScheduleExpression {

        static At parse(String body, ZoneId zone) {
            try {
                return new At(LocalDateTime.parse(body).atZone(zone).toInstant());
            } catch (DateTimeParseException e) {
                throw new InvalidException("at(" + body + ") is not at(yyyy-mm-ddThh:mm:ss)");
            }
        }

        @Override
        public Optional<Instant> nextAfter(Instant after, Instant start) {
            return time.isAfter(after) ? Optional.of(time) : Optional.empty();
        }
    }

    /** The zone a schedule names, or why it cannot be used. */
    static ZoneId zone(String name) {
        try {
            return ZoneId.of(name);
        } catch (DateTimeException e) {
            throw new InvalidException("'" + name + "' is not a time zone");
        }
    }

    /** The expression is wrong in AWS too. */
    final class InvalidException extends IllegalArgumentException {
        InvalidException(String message) {
            super(message);
        }
    }

    /** The expression runs in AWS, but uses what the local scheduler does not read. */
    final class UnsupportedException extends IllegalArgumentException {
        UnsupportedException(String message) {
            super(message);
        }
    }
}
