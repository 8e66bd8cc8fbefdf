package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Working days skip Saturdays and Sundays, keep the time of day, and survive a daylight-saving change. */
class EscalationPolicyTest {

    private static final ZoneId AMSTERDAM = ZoneId.of("Europe/Amsterdam");

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-11-23T10:15, 2, 2026-11-25T10:15",   // Monday -> Wednesday
            "2026-11-27T10:15, 1, 2026-11-30T10:15",   // Friday -> Monday
            "2026-11-27T10:15, 2, 2026-12-01T10:15",   // Friday -> Tuesday
            "2026-11-28T09:00, 1, 2026-11-30T09:00",   // Saturday -> Monday
            "2026-11-29T09:00, 5, 2026-12-04T09:00",   // Sunday -> Friday
            "2026-11-23T10:15, 5, 2026-11-30T10:15",   // a whole week
            "2026-10-23T10:15, 1, 2026-10-26T10:15"})  // over the switch to winter time (25 October)
    void adds_working_days(String from, int days, String expected) {
        ZonedDateTime start = java.time.LocalDateTime.parse(from).atZone(AMSTERDAM);
        assertThat(EscalationPolicy.addWorkingDays(start, days))
                .isEqualTo(java.time.LocalDateTime.parse(expected).atZone(AMSTERDAM));
    }
}
