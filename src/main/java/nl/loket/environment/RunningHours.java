package nl.loket.environment;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * How long an environment runs between two moments on a schedule: the overlap of the period with each day's
 * window. Counted in real elapsed time, so the night of a daylight-saving change costs what it really lasted.
 */
public final class RunningHours {

    private RunningHours() {
    }

    public static Duration between(Schedule schedule, Instant from, Instant until) {
        if (!until.isAfter(from)) {
            return Duration.ZERO;
        }
        Duration total = Duration.ZERO;
        LocalDate day = from.atZone(schedule.zone()).toLocalDate().minusDays(1);
        LocalDate last = until.atZone(schedule.zone()).toLocalDate();
        for (; !day.isAfter(last); day = day.plusDays(1)) {
            if (!schedule.days().contains(day.getDayOfWeek())) {
                continue;
            }
            ZonedDateTime start = schedule.windowStart(day);
            ZonedDateTime end = schedule.windowEnd(day);
            Instant overlapStart = max(start.toInstant(), from);
            Instant overlapEnd = min(end.toInstant(), until);
            if (overlapEnd.isAfter(overlapStart)) {
                total = total.plus(Duration.between(overlapStart, overlapEnd));
            }
        }
        return total;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
