package nl.loket.ui;

import java.util.Locale;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.VaadinSession;

/** NL / EN; the choice holds for the whole session, and is remembered for the user's e-mail. */
public class LanguageSwitcher extends Select<Locale> {

    /** The cookie that keeps the login page's language across sessions (the browser's own otherwise). */
    public static final String COOKIE = "loket-language";

    /** Before login: the choice holds for this browser (a cookie), and for the account once logged in. */
    public LanguageSwitcher() {
        this(LanguageSwitcher::rememberInBrowser);
    }

    private static void rememberInBrowser(Locale locale) {
        jakarta.servlet.http.Cookie cookie = new jakarta.servlet.http.Cookie(COOKIE, locale.getLanguage());
        cookie.setPath("/");
        cookie.setMaxAge(365 * 24 * 3600);
        cookie.setHttpOnly(true);
        cookie.setAttribute("SameSite", "Lax");
        com.vaadin.flow.server.VaadinResponse response = com.vaadin.flow.server.VaadinService.getCurrentResponse();
        if (response != null) {
            response.addCookie(cookie);
        }
    }

    /** After login: the choice is remembered for the user, at every login and for their e-mail. */
    public LanguageSwitcher(java.util.function.Consumer<Locale> remember) {
        setItems(LoketI18NProvider.DUTCH, LoketI18NProvider.ENGLISH);
        setItemLabelGenerator(locale -> locale.getLanguage().equals("nl") ? "Nederlands" : "English");
        setAriaLabel("Language / Taal");
        setId("language");
        setWidth("9em");
        addAttachListener(event -> setValue(isDutch(event.getUI().getLocale())
                ? LoketI18NProvider.DUTCH : LoketI18NProvider.ENGLISH));
        addValueChangeListener(event -> {
            if (event.isFromClient() && event.getValue() != null) {
                remember.accept(event.getValue());
                rememberInBrowser(event.getValue());
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
