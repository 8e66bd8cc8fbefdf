package nl.loket.environment.ui;

import java.math.BigDecimal;
import java.util.Locale;

import nl.loket.environment.Footprint;
import nl.loket.ui.Formats;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Sustainability figures as tiles: hours avoided, credits and euros saved, energy and CO2e avoided, running vs peak. */
class FootprintPanel extends Div {

    FootprintPanel(Footprint f, Locale locale) {
        addClassName("loket-tiles");
        BigDecimal hoursRun = hours(f.ran());
        BigDecimal hoursAlwaysOn = hours(f.alwaysOn());
        add(tile("hours", getTranslation("footprint.hours.value", EnvironmentTexts.number(hoursRun, 0, locale),
                        EnvironmentTexts.number(hoursAlwaysOn, 0, locale)),
                getTranslation("footprint.hours.note", EnvironmentTexts.number(f.percentAvoided(), 1, locale))),
            tile("credits", EnvironmentTexts.credits(f.creditsSaved(), locale),
                getTranslation("footprint.credits.note", Formats.euros(f.eurosSaved(), locale))),
            tile("energy", getTranslation("footprint.energy.value", EnvironmentTexts.number(f.kwhAvoided(), 1, locale)),
                getTranslation("footprint.energy.note", EnvironmentTexts.number(f.kgCo2eAvoided(), 1, locale))),
            tile("running", getTranslation("footprint.running.value", f.runningNow(), f.peakRunning()),
                getTranslation("footprint.running.note", f.existingNow(), f.peakExisting())));
    }

    private Div tile(String key, String value, String note) {
        Span label = new Span(getTranslation("footprint." + key + ".label"));
        label.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Span figure = new Span(value);
        figure.addClassNames(LumoUtility.FontSize.XLARGE, LumoUtility.FontWeight.SEMIBOLD);
        figure.setId("footprint-" + key);
        Span small = new Span(note);
        small.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div tile = new Div(new Div(label), new Div(figure), new Div(small));
        tile.addClassName("loket-card");
        tile.addClassName("loket-tile");
        return tile;
    }

    private static BigDecimal hours(java.time.Duration duration) {
        return BigDecimal.valueOf(duration.getSeconds()).divide(BigDecimal.valueOf(3600), 1,
                java.math.RoundingMode.HALF_UP);
    }
}
