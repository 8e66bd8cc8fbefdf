package nl.loket.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import jakarta.mail.internet.MimeMessage;

import nl.loket.inbox.InboxFilter;
import nl.loket.inbox.InboxService;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.RequestStatus;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;

/**
 * E-mail over real SMTP (GreenMail in the test): written in the step's transaction, sent from the outbox later,
 * in the recipient's language, with a link into the portal, only for the kinds they want; an SMTP failure is
 * retried and never touches the process.
 */
@LoketIntegrationTest
@TestPropertySource(properties = {
        "camunda.bpm.process-engine-name=mail",
        "spring.datasource.url=jdbc:h2:mem:loket-mail;DB_CLOSE_DELAY=-1",
        "spring.mail.host=localhost",
        "spring.mail.port=3025",
        "loket.base-url=https://loket.example.nl",
        "loket.mail.from=loket@example.nl"})
class MailIT {

    @RegisterExtension
    static final GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

    @Autowired SoftwareRequests software;
    @Autowired MailDispatcher dispatcher;
    @Autowired NotificationPreferences preferences;
    @Autowired NotificationService notifications;
    @Autowired InboxService inbox;
    @Autowired RequestService requests;
    @Autowired UserAccountService users;
    @Autowired TestUsers testUsers;
    @Autowired TestProcesses processes;
    @Autowired JdbcClient jdbc;
    @LocalServerPort int port;

    @AfterEach
    void reset() {
        TestUsers.logout();
        jdbc.sql("delete from notification_preference").update();
        jdbc.sql("update mail_outbox set status = 'SENT' where status = 'PENDING'").update();
    }

    @Test
    void the_approver_and_the_requester_get_mail_in_their_language_with_a_link() throws Exception {
        users.changeLanguage("emma", Locale.ENGLISH);
        try {
            Request request = software.submitAs("emma", "Microsoft Visio");

            assertThat(smtp.getReceivedMessages()).as("nothing is sent inside the step").isEmpty();
            dispatcher.dispatchDue();

            MimeMessage toMark = only(to("mark@loket.example"));
            assertThat(toMark.getSubject()).isEqualTo("Goedkeuring nodig: " + request.number() + " van Emma Jansen");
            assertThat(GreenMailUtil.getBody(toMark)).contains("Beste Mark de Vries", "https://loket.example.nl/inbox");
            assertThat(toMark.getFrom()[0].toString()).isEqualTo("loket@example.nl");
            MimeMessage toEmma = only(to("emma@loket.example"));
            assertThat(toEmma.getSubject()).isEqualTo("Request " + request.number() + " received: Microsoft Visio");
            assertThat(GreenMailUtil.getBody(toEmma))
                    .contains("Dear Emma Jansen", "https://loket.example.nl/requests/" + request.number());
        } finally {
            users.changeLanguage("emma", Locale.forLanguageTag("nl"));
        }
    }

    @Test
    void a_kind_turned_off_sends_no_mail_but_still_shows_in_the_portal() throws Exception {
        testUsers.loginAs("frank");
        preferences.setEmail(NotificationService.FULFILLED, false);
        Request request = software.submitAs("frank", "LibreOffice");
        processes.executeJobs();
        dispatcher.dispatchDue();

        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.FULFILLED);
        assertThat(subjectsTo("frank@loket.example")).anyMatch(s -> s.contains(request.number() + " ontvangen"))
                .noneMatch(s -> s.contains(request.number() + " afgehandeld"));
        testUsers.loginAs("frank");
        assertThat(notifications.mine()).anyMatch(n -> n.messageKey().equals(NotificationService.FULFILLED)
                && n.requestNumber().equals(request.number()));
    }

    @Test
    void an_smtp_failure_is_retried_later_and_never_touches_the_process() throws Exception {
        smtp.stop();
        Request request = software.submitAs("emma", "Adobe Acrobat Pro");
        testUsers.loginAs("mark");
        String taskId = inbox.page(InboxFilter.all(), 0, 200).stream()
                .filter(i -> i.request().number().equals(request.number())).findFirst().orElseThrow().taskId();
        inbox.approve(taskId);
        TestUsers.logout();

        dispatcher.dispatchDue();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.IN_FULFILMENT);
        List<String> statuses = jdbc.sql("select status from mail_outbox where subject like ?")
                .param("%" + request.number() + "%").query(String.class).list();
        assertThat(statuses).hasSize(3).containsOnly("PENDING");
        assertThat(get("/actuator/health/readiness")).as("a node whose SMTP server is down still takes traffic")
                .isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(get("/actuator/health/liveness")).isEqualTo("200 {\"status\":\"UP\"}");
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject like ? and attempts = 1 and last_error is not null")
                .param("%" + request.number() + "%").query(Integer.class).single()).isEqualTo(3);

        smtp.start();
        dispatcher.dispatchDue();
        assertThat(smtp.getReceivedMessages()).as("not yet: the retry waits a minute").isEmpty();
        jdbc.sql("update mail_outbox set next_attempt_at = next_attempt_at - interval '1' hour where status = 'PENDING'")
                .update();
        dispatcher.dispatchDue();
        assertThat(subjectsTo("emma@loket.example")).contains("Aanvraag " + request.number() + " goedgekeurd");
        assertThat(jdbc.sql("select count(*) from mail_outbox where subject like ? and status <> 'SENT'")
                .param("%" + request.number() + "%").query(Integer.class).single()).isZero();
    }


    @Test
    void a_mail_sent_again_after_a_crash_keeps_its_message_id() throws Exception {
        Request request = software.submitAs("emma", "Microsoft Visio");
        dispatcher.dispatchDue();
        MimeMessage first = only(to("emma@loket.example"));
        // a node that crashed after the SMTP server took the mail but before it was marked sent
        jdbc.sql("update mail_outbox set status = 'PENDING', sent_at = null where recipient = 'emma' and subject like ?")
                .param("%" + request.number() + "%").update();
        dispatcher.dispatchDue();
        smtp.waitForIncomingEmail(Duration.ofSeconds(5).toMillis(), 3);

        List<MimeMessage> copies = to("emma@loket.example");
        assertThat(copies).hasSize(2);
        assertThat(first.getMessageID()).matches("<loket\\.\\d+\\.\\d+@example\\.nl>");
        assertThat(copies).extracting(MimeMessage::getMessageID).containsOnly(first.getMessageID());
        assertThat(only(to("mark@loket.example")).getMessageID()).as("another mail, another id")
                .isNotEqualTo(first.getMessageID());
    }

    private List<MimeMessage> to(String address) {
        smtp.waitForIncomingEmail(Duration.ofSeconds(5).toMillis(), 1);
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> recipient(m).equals(address)).toList();
    }

    private static String recipient(MimeMessage message) {
        try {
            return message.getAllRecipients()[0].toString();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<String> subjectsTo(String address) {
        return to(address).stream().map(m -> {
            try {
                return m.getSubject();
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static MimeMessage only(List<MimeMessage> messages) {
        assertThat(messages).hasSize(1);
        return messages.get(0);
    }

    private String get(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }
}
