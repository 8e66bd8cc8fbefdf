package nl.loket.environment.ui;

import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.format.TextStyle;
import java.util.Locale;
import java.util.stream.Collectors;

import nl.loket.environment.EnvironmentStatus;
import nl.loket.environment.Schedule;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;

/** Wegwijzer's words and numbers in the reader's language: statuses, stages, schedules, credits. */
final class EnvironmentTexts {

    private EnvironmentTexts() {
    }

    static String stage(Component c, Stage stage) {
        return c.getTranslation("environment.stage." + stage.name());
    }

    static String size(Component c, Size size) {
        return c.getTranslation("environment.size." + size.name());
    }

    static String schedule(Component c, Schedule schedule, Locale locale) {
        if (schedule.isAlwaysOn()) {
            return c.getTranslation("environment.schedule.always-on");
        }
        if (schedule.equals(Schedule.officeHours())) {
            return c.getTranslation("environment.schedule.office-hours-short");
        }
        String days = schedule.days().stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, locale))
                .collect(Collectors.joining(", "));
        String until = schedule.until().equals(java.time.LocalTime.MIDNIGHT) ? "24:00" : schedule.until().toString();
        return days + " " + schedule.from() + "–" + until;
    }

    static String day(DayOfWeek day, Locale locale) {
        return day.getDisplayName(TextStyle.FULL, locale);
    }

    static String credits(BigDecimal credits, Locale locale) {
        return nl.loket.ui.Formats.credits(credits, locale);
    }

    static String number(BigDecimal value, int decimals, Locale locale) {
        return nl.loket.ui.Formats.number(value, decimals, locale);
    }

    static Span statusBadge(Component c, EnvironmentStatus status) {
        Span badge = new Span(c.getTranslation("environment.status." + status.name()));
        badge.getElement().getThemeList().add("badge pill");
        switch (status) {
            case RUNNING -> badge.getElement().getThemeList().add("success");
            case FAILED, REFUSED -> badge.getElement().getThemeList().add("error");
            case EXPIRED, PROVISIONING, REQUESTED -> badge.getElement().getThemeList().add("warning");
            default -> badge.getElement().getThemeList().add("contrast");
        }
        badge.getElement().setAttribute("data-status", status.name());
        return badge;
    }

    static Span expiringBadge(Component c) {
        Span badge = new Span(c.getTranslation("environment.status.EXPIRING"));
        badge.getElement().getThemeList().add("badge pill warning");
        badge.getElement().setAttribute("data-status", "EXPIRING");
        return badge;
    }

    /** Labels providers write in connection info ("Host: ..."), in the reader's language. */
    private static final java.util.Set<String> CONNECTION_LABELS = java.util.Set.of("host", "user", "database", "port");

    /**
     * A provider's connection info, as "label: value" lines: the labels Loket knows in the reader's language, the
     * values (and any other line) as the provider wrote them.
     */
    static String connectionInfo(Component c, String info) {
        if (info == null) {
            return "";
        }
        return info.lines().map(line -> {
            int colon = line.indexOf(':');
            String label = colon > 0 ? line.substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT) : "";
            return CONNECTION_LABELS.contains(label)
                    ? c.getTranslation("environment.connection.field." + label) + ":" + line.substring(colon + 1)
                    : line;
        }).collect(java.util.stream.Collectors.joining("\n"));
    }
}
