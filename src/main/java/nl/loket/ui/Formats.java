package nl.loket.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;

/**
 * Dates, times and money in the reader's language; times in the organisation's time zone (configured as
 * {@code loket.time-zone}, never the server's), the same zone schedules and e-mail use.
 */
public final class Formats {

    private static volatile ZoneId zone = ZoneId.of("Europe/Amsterdam");

    private Formats() {
    }

    /** Set once at start from the configuration (LoketConfiguration). */
    public static void useZone(ZoneId organisationZone) {
        zone = organisationZone;
    }

    public static ZoneId zone() {
        return zone;
    }

    /** The language a component is shown in: its UI's, else the current UI's, else English. */
    public static Locale locale(com.vaadin.flow.component.Component component) {
        return component.getUI().or(() -> java.util.Optional.ofNullable(com.vaadin.flow.component.UI.getCurrent()))
                .map(com.vaadin.flow.component.UI::getLocale).orElse(Locale.ENGLISH);
    }

    public static String dateTime(Instant instant, Locale locale) {
        if (instant == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT).withLocale(locale)
                .format(instant.atZone(zone));
    }

    /** The day of a moment, in the organisation's time zone. */
    public static String date(Instant instant, Locale locale) {
        return instant == null ? "" : date(instant.atZone(zone).toLocalDate(), locale);
    }

    public static String date(LocalDate date, Locale locale) {
        return date == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date);
    }

    /** Euros as the reader's language writes them: "€ 19,99" in Dutch, "€19.99" in English, like its numbers. */
    public static String euros(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.forLanguageTag(
                "nl".equals(locale.getLanguage()) ? "nl-NL" : "en-IE"));
        format.setCurrency(Currency.getInstance("EUR"));
        return format.format(amount);
    }

    /** A number in the reader's format, with at most {@code decimals} decimals (rounded half up). */
    public static String number(BigDecimal value, int decimals, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(decimals);
        format.setMinimumFractionDigits(0);
        return format.format(value.setScale(decimals, java.math.RoundingMode.HALF_UP));
    }

    /** A whole number in the reader's format: "48,412" in English, "48.412" in Dutch. */
    public static String number(long value, Locale locale) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** Credits: whole numbers from 100 up, else at most two decimals, in the reader's number format. */
    public static String credits(BigDecimal credits, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMaximumFractionDigits(credits.abs().compareTo(new BigDecimal("100")) >= 0 ? 0 : 2);
        format.setMinimumFractionDigits(0);
        return format.format(credits);
    }
}
