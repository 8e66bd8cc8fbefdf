package nl.loket.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

/** NL / EN; the choice holds for the whole session. */
public class LanguageSwitcher extends Select<Locale> {

    public LanguageSwitcher() {
        setItems(LoketI18NProvider.DUTCH, LoketI18NProvider.ENGLISH);
        setItemLabelGenerator(locale -> locale.getLanguage().equals("nl") ? "Nederlands" : "English");
        setAriaLabel("Language / Taal");
        setWidth("9em");
        addAttachListener(event -> setValue(isDutch(event.getUI().getLocale())
                ? LoketI18NProvider.DUTCH : LoketI18NProvider.ENGLISH));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                switchTo(event.getValue());
            }
        });
    }

    static void switchTo(Locale locale) {
        VaadinSession.getCurrent().setLocale(locale);
        UI ui = UI.getCurrent();
        ui.setLocale(locale);
        ui.getPage().reload();
    }

    private static boolean isDutch(Locale locale) {
        return locale != null && locale.getLanguage().equals("nl");
    }
}
