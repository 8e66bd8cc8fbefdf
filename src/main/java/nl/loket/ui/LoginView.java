package nl.loket.ui;

import java.time.Clock;
import java.util.Optional;

import nl.loket.security.LoginThrottledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.HtmlContainer;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.login.LoginForm;
import com.vaadin.flow.component.login.LoginI18n;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.WrappedSession;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import com.vaadin.flow.theme.lumo.LumoUtility;

@Route("login")
@AnonymousAllowed
public class LoginView extends Main implements BeforeEnterObserver, HasDynamicTitle {

    final LoginForm form = new LoginForm();
    private final Clock clock;

    public LoginView(DemoLoginHint demoLoginHint, Clock clock) {
        this.clock = clock;
        addClassName("loket-login");
        form.setAction("login");
        form.setForgotPasswordButtonVisible(false);
        form.setI18n(i18n());

        Div card = new Div();
        card.addClassName("loket-login-card");
        // the page's one heading is the portal's name
        HorizontalLayout top = new HorizontalLayout(brand(new H1()), new LanguageSwitcher());
        top.setWidthFull();
        top.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        top.setAlignItems(FlexComponent.Alignment.CENTER);
        Paragraph intro = new Paragraph(getTranslation("login.description"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.Margin.Horizontal.MEDIUM);
        card.add(top, intro, form);
        if (demoLoginHint.isShown()) {
            Paragraph hint = new Paragraph(getTranslation("login.demo-hint"));
            hint.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY,
                    LumoUtility.Margin.Horizontal.MEDIUM);
            hint.setId("demo-hint");
            card.add(hint);
        }
        add(card);
    }

    static Div brand() {
        return brand(new Div());
    }

    /** Loket's mark and name in the container; the mark is decoration, so the name reads "Loket". */
    static <T extends HtmlContainer> T brand(T container) {
        container.addClassName("loket-brand");
        Span mark = new Span("L");
        mark.addClassName("loket-brand-mark");
        mark.getElement().setAttribute("aria-hidden", "true");
        container.add(mark, new Span("Loket"));
        return container;
    }

    private LoginI18n i18n() {
        return i18n("login.error.title", "login.error.message");
    }

    private LoginI18n i18n(String errorTitleKey, String errorMessageKey) {
        LoginI18n i18n = LoginI18n.createDefault();
        LoginI18n.Form texts = i18n.getForm();
        texts.setTitle(getTranslation("login.submit"));
        texts.setUsername(getTranslation("login.username"));
        texts.setPassword(getTranslation("login.password"));
        texts.setSubmit(getTranslation("login.submit"));
        texts.setForgotPassword(getTranslation("login.forgot-password"));
        LoginI18n.ErrorMessage error = i18n.getErrorMessage();
        error.setTitle(getTranslation(errorTitleKey));
        error.setMessage(getTranslation(errorMessageKey));
        error.setUsername(getTranslation("login.error.username"));
        error.setPassword(getTranslation("login.error.password"));
        return i18n;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        var parameters = event.getLocation().getQueryParameters().getParameters();
        if (parameters.containsKey("expired")) {
            // the form was posted with a token of a session that had ended (the page stood open too long)
            form.setI18n(i18n("login.expired.title", "login.expired.message"));
            form.setError(true);
            return;
        }
        form.setI18n(i18n());
        boolean failed = parameters.containsKey("error");
        if (failed) {
            lastFailure().ifPresent(failure -> {
                if (failure instanceof LoginThrottledException locked) {
                    showLocked(locked);
                } else if (failure instanceof InternalAuthenticationServiceException) {
                    // the directory or the database could not be asked: not the user's password
                    form.setI18n(i18n("login.unavailable.title", "login.unavailable.message"));
                }
            });
        }
        form.setError(failed);
    }

    /** Spring Security keeps the last failed login in the session: a lock says how long to wait. */
    private static Optional<Object> lastFailure() {
        VaadinRequest request = VaadinRequest.getCurrent();
        WrappedSession session = request == null ? null : request.getWrappedSession(false);
        return Optional.ofNullable(session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION));
    }

    private void showLocked(LoginThrottledException locked) {
        LoginI18n i18n = i18n();
        i18n.getErrorMessage().setTitle(getTranslation("login.locked.title"));
        i18n.getErrorMessage().setMessage(getTranslation("login.locked.message", locked.minutesLeft(clock)));
        form.setI18n(i18n);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("login.title");
    }
}
