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
        assertThat(EscalationPolicy.addWorkingDays(start, days, true))
                .isEqualTo(java.time.LocalDateTime.parse(expected).atZone(AMSTERDAM));
    }

    @ParameterizedTest(name = "{0} + {1} working days = {2}")
    @CsvSource({
            "2026-12-24T10:00, 1, 2026-12-28T10:00",   // Christmas Thursday: Friday 25 and 26 off -> Monday
            "2026-04-02T10:00, 1, 2026-04-07T10:00",   // Good Friday 3 April and Easter Monday 6 April
            "2026-04-24T10:00, 1, 2026-04-28T10:00",   // King's Day Monday 27 April
            "2026-05-13T10:00, 1, 2026-05-15T10:00",   // Ascension Day Thursday 14 May
            "2025-05-02T10:00, 1, 2025-05-06T10:00"})  // Liberation Day Monday 5 May 2025 (a lustrum year)
    void skips_dutch_public_holidays(String from, int days, String expected) {
        ZonedDateTime start = java.time.LocalDateTime.parse(from).atZone(AMSTERDAM);
        assertThat(EscalationPolicy.addWorkingDays(start, days, true))
                .isEqualTo(java.time.LocalDateTime.parse(expected).atZone(AMSTERDAM));
    }

    @org.junit.jupiter.api.Test
    void easter_dates_match_the_calendar() {
        assertThat(DutchHolidays.easter(2026)).isEqualTo(java.time.LocalDate.of(2026, 4, 5));
        assertThat(DutchHolidays.easter(2027)).isEqualTo(java.time.LocalDate.of(2027, 3, 28));
        assertThat(DutchHolidays.easter(2030)).isEqualTo(java.time.LocalDate.of(2030, 4, 21));
        assertThat(DutchHolidays.isHoliday(java.time.LocalDate.of(2026, 5, 25))).as("Whit Monday 2026").isTrue();
        assertThat(DutchHolidays.isHoliday(java.time.LocalDate.of(2025, 4, 26))).as("King's Day 2025: the 27th is a Sunday")
                .isTrue();
        assertThat(DutchHolidays.isHoliday(java.time.LocalDate.of(2025, 4, 27))).isFalse();
        assertThat(DutchHolidays.isHoliday(java.time.LocalDate.of(2026, 5, 5))).as("Liberation Day 2026 is not off")
                .isFalse();
    }
}
