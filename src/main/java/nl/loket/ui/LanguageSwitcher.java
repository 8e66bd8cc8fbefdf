package nl.loket.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

/** NL / EN; the choice holds for the whole session, and is remembered for the user's e-mail. */
public class LanguageSwitcher extends Select<Locale> {

    /** Before login: the choice holds for the session only. */
    public LanguageSwitcher() {
        this(locale -> { });
    }

    public LanguageSwitcher(java.util.function.Consumer<Locale> remember) {
        setItems(LoketI18NProvider.DUTCH, LoketI18NProvider.ENGLISH);
        setItemLabelGenerator(locale -> locale.getLanguage().equals("nl") ? "Nederlands" : "English");
        setAriaLabel("Language / Taal");
        setWidth("9em");
        addAttachListener(event -> setValue(isDutch(event.getUI().getLocale())
                ? LoketI18NProvider.DUTCH : LoketI18NProvider.ENGLISH));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                remember.accept(event.getValue());
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
