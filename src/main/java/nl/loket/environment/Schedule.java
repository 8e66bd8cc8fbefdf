package nl.loket.environment;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * When an environment runs: always, office hours (Monday to Friday 07:00–19:00), or chosen days and hours, in a
 * time zone (Europe/Amsterdam). Times are wall-clock times, so a daylight-saving change does not move them;
 * {@code until} midnight means the end of the day.
 */
public record Schedule(Set<DayOfWeek> days, LocalTime from, LocalTime until, ZoneId zone) {

    public static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    public Schedule {
        days = days.isEmpty() ? Set.of() : EnumSet.copyOf(days);
        // "until" midnight means the end of the day
        if (!until.isAfter(from) && !until.equals(LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("A schedule's day ends after it starts: " + from + "–" + until);
        }
    }

    /** Every day, all day. */
    public static Schedule alwaysOn() {
        return new Schedule(EnumSet.allOf(DayOfWeek.class), LocalTime.MIDNIGHT, LocalTime.MIDNIGHT, AMSTERDAM);
    }

    /** Monday to Friday, 07:00–19:00 in Amsterdam. */
    public static Schedule officeHours() {
        return new Schedule(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(19, 0),
                AMSTERDAM);
    }

    public boolean isAlwaysOn() {
        return days.size() == 7 && from.equals(LocalTime.MIDNIGHT) && until.equals(LocalTime.MIDNIGHT);
    }

    /** Whether the environment should run at this moment. */
    public boolean isRunningAt(Instant moment) {
        LocalDate today = moment.atZone(zone).toLocalDate();
        // yesterday's window may reach into today when it runs until midnight
        for (LocalDate day = today.minusDays(1); !day.isAfter(today); day = day.plusDays(1)) {
            if (days.contains(day.getDayOfWeek()) && !windowStart(day).toInstant().isAfter(moment)
                    && windowEnd(day).toInstant().isAfter(moment)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The first moment after {@code after} when the environment should start or stop; empty when it never changes
     * (always on, or no days). Adjacent windows (Monday until midnight, Tuesday from midnight) are no change.
     */
    public Optional<Instant> nextChangeAfter(Instant after) {
        boolean running = isRunningAt(after);
        LocalDate today = after.atZone(zone).toLocalDate();
        for (LocalDate day = today; day.isBefore(today.plusDays(9)); day = day.plusDays(1)) {
            if (!days.contains(day.getDayOfWeek())) {
                continue;
            }
            for (Instant boundary : List.of(windowStart(day).toInstant(), windowEnd(day).toInstant())) {
                if (boundary.isAfter(after) && isRunningAt(boundary) != running) {
                    return Optional.of(boundary);
                }
            }
        }
        return Optional.empty();
    }

    /** The days as stored: {@code MONDAY,TUESDAY}, in week order. */
    public String daysText() {
        return days.stream().sorted().map(DayOfWeek::name).collect(Collectors.joining(","));
    }

    public static Set<DayOfWeek> parseDays(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(text.split(",")).map(String::strip).map(DayOfWeek::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DayOfWeek.class)));
    }

    /** The start of a day's running window, on that date. */
    ZonedDateTime windowStart(LocalDate date) {
        return date.atTime(from).atZone(zone);
    }

    /** The end of a day's running window; midnight-to-midnight ends at the next day's start. */
    ZonedDateTime windowEnd(LocalDate date) {
        return until.equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(until).atZone(zone);
    }
}
