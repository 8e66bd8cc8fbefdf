package nl.loket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import nl.loket.security.LoginThrottledException;
import nl.loket.support.LoketIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.web.WebAttributes;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.server.VaadinSession;

/** What the login view says after a failed login: the one generic message, or how long a lock lasts. */
@LoketIntegrationTest
class LoginViewIT {

    /** Where Spring Security sends a failed login. */
    private static final QueryParameters FAILED = QueryParameters.simple(java.util.Map.of("error", ""));

    @Autowired ApplicationContext context;
    @Autowired Clock clock;

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void a_wrong_password_or_an_unknown_user_gets_the_one_generic_message() {
        KaribuSupport.openAnonymous(context, Locale.ENGLISH);
        lastFailure(new BadCredentialsException("Bad credentials"));

        LoginView view = open(FAILED);

        assertThat(view.form.isError()).isTrue();
        assertThat(errorTexts(view)).contains("Incorrect username or password").doesNotContain("Too many");
    }

    @Test
    void a_locked_login_says_how_many_minutes_to_wait() {
        KaribuSupport.openAnonymous(context, Locale.ENGLISH);
        lastFailure(new LoginThrottledException(clock.instant().plus(Duration.ofMinutes(15))));

        LoginView view = open(FAILED);

        assertThat(view.form.isError()).isTrue();
        assertThat(errorTexts(view)).contains("Login refused for now")
                .contains("Too many failed attempts; try again in 15 minutes.");
    }

    @Test
    void in_dutch_with_one_minute_left() {
        KaribuSupport.openAnonymous(context, Locale.forLanguageTag("nl"));
        lastFailure(new LoginThrottledException(clock.instant().plus(Duration.ofSeconds(30))));

        LoginView view = open(FAILED);

        assertThat(errorTexts(view)).contains("Te veel mislukte pogingen; probeer het over 1 minuut opnieuw.");
    }

    @Test
    void a_directory_that_cannot_be_asked_is_not_called_a_wrong_password() {
        KaribuSupport.openAnonymous(context, Locale.forLanguageTag("nl"));
        lastFailure(new org.springframework.security.authentication.InternalAuthenticationServiceException(
                "The directory could not be read"));

        LoginView view = open(FAILED);

        assertThat(view.form.isError()).isTrue();
        assertThat(errorTexts(view)).contains("Inloggen lukt op dit moment niet")
                .doesNotContain("Onjuiste").doesNotContain("directory");
    }

    @Test
    void without_a_failure_no_message() {
        KaribuSupport.openAnonymous(context, Locale.ENGLISH);
        lastFailure(new LoginThrottledException(clock.instant().plus(Duration.ofMinutes(15))));

        assertThat(open(QueryParameters.empty()).form.isError()).isFalse();
    }

    /** The texts the login form's error shows (Vaadin sends them to the browser as the i18n property). */
    private static String errorTexts(LoginView view) {
        return String.valueOf(view.form.getElement().getPropertyRaw("i18n"));
    }

    /** Where Spring Security's failure handler keeps it. */
    private static void lastFailure(Exception failure) {
        VaadinSession.getCurrent().getSession().setAttribute(WebAttributes.AUTHENTICATION_EXCEPTION, failure);
    }

    private static LoginView open(QueryParameters query) {
        UI.getCurrent().navigate("login", query);
        return _get(LoginView.class);
    }
}
