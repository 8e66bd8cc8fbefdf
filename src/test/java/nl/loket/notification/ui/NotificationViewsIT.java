package nl.loket.notification.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import nl.loket.notification.MailDispatcher;
import nl.loket.notification.MailLog;
import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import nl.loket.ui.AccessDeniedView;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.flow.component.UI;

/**
 * E-mail settings on the notifications page, and the mail outbox that process admins read when no SMTP server is
 * configured (the embedded default: mail is logged and kept, not sent).
 */
@LoketIntegrationTest
class NotificationViewsIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests software;
    @Autowired MailDispatcher dispatcher;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void close() {
        KaribuSupport.close();
        jdbc.sql("delete from notification_preference").update();
    }

    @Test
    void frank_turns_off_mail_about_approvals_in_english(@Autowired nl.loket.security.UserAccountService accounts) {
        accounts.followLanguage("frank", Locale.forLanguageTag("nl"));
        KaribuSupport.openAs("frank", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(NotificationsView.class);
        assertThat(accounts.language("frank").getLanguage()).as("his e-mail follows the portal's language")
                .isEqualTo("en");
        NotificationsView view = _get(NotificationsView.class);
        assertThat(view.emailChoices.get(NotificationService.APPROVED).getLabel()).isEqualTo("My request was approved");
        assertThat(view.emailChoices.values()).allMatch(choice -> choice.getValue());

        view.emailChoices.get(NotificationService.APPROVED).setValue(false);

        assertThat(jdbc.sql("select email from notification_preference where username = 'frank' and kind = ?")
                .param(NotificationService.APPROVED).query(Boolean.class).single()).isFalse();
        KaribuSupport.close();
        KaribuSupport.openAs("frank", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(NotificationsView.class);
        assertThat(_get(NotificationsView.class).emailChoices.get(NotificationService.APPROVED).getValue())
                .as("kept").isFalse();
    }

    @Test
    void without_smtp_mail_is_logged_and_ada_reads_it_in_the_outbox(
            @Autowired nl.loket.security.UserAccountService accounts) {
        accounts.changeLanguage("emma", Locale.forLanguageTag("nl"));
        users.loginAs("emma");
        Request request = software.submit("LibreOffice", false);
        TestUsers.logout();
        // a batch at a time, as the scheduler does; other tests in this context leave mail due too
        while (dispatcher.dispatchDue() > 0) {
            // next batch
        }
        assertThat(jdbc.sql("select distinct status from mail_outbox where subject like ?")
                .param("%" + request.number() + "%").query(String.class).list()).containsExactly("LOGGED");

        KaribuSupport.openAs("ada", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(MailOutboxView.class);
        MailOutboxView view = _get(MailOutboxView.class);
        assertThat(view.grid.getListDataView().getItems().map(MailLog.Mail::subject))
                .contains("Aanvraag " + request.number() + " ontvangen: LibreOffice");
        KaribuSupport.close();

        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MailOutboxView.class);
        assertThat(_find(MailOutboxView.class)).as("employees do not read other people's mail").isEmpty();
        _get(AccessDeniedView.class);
    }
}
