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
}
