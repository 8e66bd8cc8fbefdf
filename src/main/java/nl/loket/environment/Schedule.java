package nl.loket.environment;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Set;

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

    /** The start of a day's running window, on that date. */
    ZonedDateTime windowStart(java.time.LocalDate date) {
        return date.atTime(from).atZone(zone);
    }

    /** The end of a day's running window; midnight-to-midnight ends at the next day's start. */
    ZonedDateTime windowEnd(java.time.LocalDate date) {
        return until.equals(LocalTime.MIDNIGHT) ? date.plusDays(1).atStartOfDay(zone) : date.atTime(until).atZone(zone);
    }
}
