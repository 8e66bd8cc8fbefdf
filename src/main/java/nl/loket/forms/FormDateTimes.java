package nl.loket.forms;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates and times as form-js stores them (render/components/form-fields/Datetime.js): a date "2026-12-24"; a time
 * "14:30", "14:30+01:00" ({@code timeSerializingFormat} utc_offset) or "13:30Z" (utc_normalized); a date and time
 * "2026-12-24T14:30+01:00" and so on. No seconds.
 */
public final class FormDateTimes {

    public static final String UTC_OFFSET = "utc_offset";
    public static final String UTC_NORMALIZED = "utc_normalized";

    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern TIME = Pattern.compile("(\\d{2}:\\d{2})(Z|[+-]\\d{2}:\\d{2})?");

    private FormDateTimes() {
    }

    /** What a stored value means: its date (null for a time), its time (null for a date) and offset (or null). */
    public record Parsed(LocalDate date, LocalTime time, ZoneOffset offset) {
    }

    /** The value read the way the field stores it; empty when it is not in that form. */
    public static Optional<Parsed> parse(FormField field, String text) {
        String subtype = subtype(field);
        try {
            return switch (subtype) {
                case "time" -> time(field, text).map(t -> new Parsed(null, t.time(), t.offset()));
                case "datetime" -> {
                    int split = text.indexOf('T');
                    if (split < 0 || !DATE.matcher(text.substring(0, split)).matches()) {
                        yield Optional.empty();
                    }
                    LocalDate date = LocalDate.parse(text.substring(0, split));
                    yield time(field, text.substring(split + 1)).map(t -> new Parsed(date, t.time(), t.offset()));
                }
                default -> DATE.matcher(text).matches()
                        ? Optional.of(new Parsed(LocalDate.parse(text), null, null)) : Optional.empty();
            };
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** How form-js writes a time of this field: with the offset, normalised to UTC, or as it is. */
    public static String format(FormField field, LocalDate date, LocalTime time, ZoneOffset offset) {
        String hhmm;
        String suffix;
        LocalDate day = date;
        String format = field.timeSerializingFormat();
        if (UTC_NORMALIZED.equals(format)) {
            var utc = (date == null ? LocalDate.of(2000, 1, 1) : date).atTime(time).atOffset(offset)
                    .withOffsetSameInstant(ZoneOffset.UTC);
            hhmm = utc.toLocalTime().withSecond(0).withNano(0).toString();
            day = date == null ? null : utc.toLocalDate();
            suffix = "Z";
        } else {
            hhmm = time.withSecond(0).withNano(0).toString();
            suffix = UTC_OFFSET.equals(format) ? (offset.getTotalSeconds() == 0 ? "+00:00" : offset.getId()) : "";
        }
        String timeText = hhmm + suffix;
        return switch (subtype(field)) {
            case "time" -> timeText;
            case "datetime" -> day + "T" + timeText;
            default -> date.toString();
        };
    }

    public static String subtype(FormField field) {
        return field.subtype() == null ? "date" : field.subtype();
    }

    private record Time(LocalTime time, ZoneOffset offset) {
    }

    private static Optional<Time> time(FormField field, String text) {
        Matcher matcher = TIME.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String zone = matcher.group(2);
        String format = field.timeSerializingFormat();
        boolean fits = UTC_OFFSET.equals(format) ? zone != null && !"Z".equals(zone)
                : UTC_NORMALIZED.equals(format) ? "Z".equals(zone) : zone == null;
        if (!fits) {
            return Optional.empty();
        }
        LocalTime time = LocalTime.parse(matcher.group(1));
        ZoneOffset offset = zone == null ? null : "Z".equals(zone) ? ZoneOffset.UTC : ZoneOffset.of(zone);
        return Optional.of(new Time(time, offset));
    }
}
