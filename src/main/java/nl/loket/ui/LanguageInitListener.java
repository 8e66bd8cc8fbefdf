package nl.loket.ui;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccountService;
import org.springframework.stereotype.Component;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.servlet.http.Cookie;

/**
 * Every page is built in the user's language from the start: the one they chose with the switcher (kept per
 * account, across logins and browsers), else the login page's choice in this browser (a cookie), else the
 * browser's own. The page's {@code lang} attribute follows.
 */
@Component
class LanguageInitListener implements VaadinServiceInitListener {

    private final CurrentUser currentUser;
    private final UserAccountService users;

    LanguageInitListener(CurrentUser currentUser, UserAccountService users) {
        this.currentUser = currentUser;
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            chosen(VaadinRequest.getCurrent()).ifPresent(locale -> {
                init.getUI().getSession().setLocale(locale);
                init.getUI().setLocale(locale);
            });
            SystemTextsInitListener.reconnectTexts(init.getUI());
            // screen readers pronounce the page in its language (WCAG 3.1.1); a language switch reloads the page
            init.getUI().getPage().executeJs("document.documentElement.lang = $0",
                    init.getUI().getLocale().getLanguage());
        });
    }

    private Optional<Locale> chosen(VaadinRequest request) {
        Optional<Locale> account = currentUser.isLoggedIn()
                ? users.chosenLanguage(currentUser.username()) : Optional.empty();
        return account.or(() -> cookie(request));
    }

    private static Optional<Locale> cookie(VaadinRequest request) {
        Cookie[] cookies = request == null ? null : request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(c -> LanguageSwitcher.COOKIE.equals(c.getName()))
                .map(c -> "en".equals(c.getValue()) ? LoketI18NProvider.ENGLISH : LoketI18NProvider.DUTCH)
                .findFirst();
    }
}
