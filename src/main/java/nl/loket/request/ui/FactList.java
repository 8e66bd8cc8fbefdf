package nl.loket.request.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import nl.loket.request.RequestFact;
import nl.loket.ui.Formats;
import nl.loket.ui.ModelTexts;
import nl.loket.workflow.MatchedRule;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** A request's details as label / value rows. */
public class FactList extends Div {

    public FactList(List<RequestFact> facts) {
        addClassNames("loket-facts");
        Locale locale = getLocale();
        for (RequestFact fact : facts) {
            Span label = new Span(fact.translated() ? getTranslation(fact.labelKey()) : fact.labelKey());
            label.addClassNames(LumoUtility.TextColor.SECONDARY, "loket-fact-label");
            Span value = new Span(format(fact, locale));
            value.addClassNames("loket-fact-value");
            if (fact.kind() == RequestFact.Kind.LONG_TEXT) {
                value.addClassNames("loket-fact-long");
            }
            add(label, value);
        }
    }

    private String format(RequestFact fact, Locale locale) {
        if (fact.value() == null) {
            return getTranslation("common.none");
        }
        return switch (fact.kind()) {
            case YES_NO -> getTranslation((Boolean) fact.value() ? "common.yes" : "common.no");
            case DATE -> Formats.date((LocalDate) fact.value(), locale);
            case MONEY_EUR -> Formats.euros((BigDecimal) fact.value(), locale);
            case CREDITS -> getTranslation("fact.credits", Formats.credits((BigDecimal) fact.value(), locale),
                    fact.value());
            case MESSAGE -> getTranslation(String.valueOf(fact.value()));
            case RULE -> ModelTexts.ruleDescription(this, (MatchedRule) fact.value());
            case TEXT, LONG_TEXT -> String.valueOf(fact.value());
        };
    }
}
