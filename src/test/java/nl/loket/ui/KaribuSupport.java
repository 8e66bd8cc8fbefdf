package nl.loket.ui;

import java.util.Locale;

import nl.loket.support.TestUsers;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.VaadinSession;


/**
 * Browserless Vaadin for tests, in the language the "browser" asks for: the real views and Spring services, with the user logged in as Spring Security
 * would (Karibu does not run servlet filters, so the principal and roles are put on its fake request).
 */
public final class KaribuSupport {

    private static final Routes ROUTES = new Routes().autoDiscoverViews("nl.loket");

    private KaribuSupport() {
    }

    public static void openAs(String username, TestUsers users, ApplicationContext context, Locale locale) {
        users.loginAs(username);
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setLocaleInt(locale);
            request.setUserPrincipalInt(authentication);
            request.setUserInRole((principal, role) -> authentication.getAuthorities().stream()
                    .anyMatch(a -> a.getAuthority().equals("ROLE_" + role)));
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        // as the language switcher does: session and UI; then leave the layout built at set-up in the old language
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate(LoginView.class);
    }

    /** Nobody logged in, as on the login page. */
    public static void openAnonymous(ApplicationContext context, Locale locale) {
        MockVaadin.setMockRequestFactory(session -> {
            FakeRequest request = new FakeRequest(session);
            request.setLocaleInt(locale);
            return request;
        });
        MockVaadin.setup(UI::new, new MockSpringServlet(ROUTES, context, UI::new));
        VaadinSession.getCurrent().setLocale(locale);
        UI.getCurrent().setLocale(locale);
    }

    public static void close() {
        MockVaadin.tearDown();
        TestUsers.logout();
    }

    /** The texts of the notifications shown so far (clear them with NotificationsKt.clearNotifications()). */
    public static java.util.List<String> notificationTexts() {
        return com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications().stream()
                .map(n -> n.getElement().getProperty("text")).toList();
    }
}
