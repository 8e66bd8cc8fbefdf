package nl.loket.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Locale;

import org.junit.jupiter.api.Test;

/** One way to write numbers, money and credits per language, never Dutch money beside English numbers. */
class FormatsTest {

    private static final Locale DUTCH = Locale.forLanguageTag("nl");

    @Test
    void euros_follow_the_readers_language_like_its_numbers() {
        assertThat(Formats.euros(new BigDecimal("145236.24"), Locale.ENGLISH)).isEqualTo("€145,236.24");
        assertThat(Formats.euros(new BigDecimal("145236.24"), Locale.US)).isEqualTo("€145,236.24");
        assertThat(Formats.euros(new BigDecimal("145236.24"), DUTCH)).as("with a non-breaking space").isEqualTo("€\u00a0145.236,24");
        assertThat(Formats.credits(new BigDecimal("48412"), Locale.ENGLISH)).isEqualTo("48,412");
        assertThat(Formats.credits(new BigDecimal("48412"), DUTCH)).isEqualTo("48.412");
        assertThat(Formats.credits(new BigDecimal("4.49"), DUTCH)).isEqualTo("4,49");
    }

    @Test
    void times_are_shown_in_the_organisations_zone_not_the_servers() {
        java.time.Instant sixUtc = java.time.Instant.parse("2026-12-01T06:00:00Z");
        assertThat(Formats.zone()).as("the default, also where the server runs in UTC")
                .isEqualTo(java.time.ZoneId.of("Europe/Amsterdam"));
        assertThat(Formats.dateTime(sixUtc, Locale.ENGLISH)).contains("7:00");
        assertThat(Formats.dateTime(java.time.Instant.parse("2026-07-01T06:00:00Z"), DUTCH)).as("summer time")
                .contains("08:00");
        assertThat(Formats.date(java.time.Instant.parse("2026-12-01T23:30:00Z"), Locale.ENGLISH))
                .as("already the next day in Amsterdam").isEqualTo("Dec 2, 2026");
    }
}
