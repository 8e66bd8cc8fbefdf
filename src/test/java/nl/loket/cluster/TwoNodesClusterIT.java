package nl.loket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.sql.DataSource;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import nl.loket.LoketApplication;
import nl.loket.directory.embedded.EmbeddedDirectoryServer;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.TaskAlreadyTakenException;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.request.Request;
import nl.loket.security.Roles;
import nl.loket.security.UserAccountService;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationContextInitializedEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * Two Loket nodes on one PostgreSQL, as an IT department runs it: two application contexts in one JVM (ports of
 * their own, both job executors and mail schedulers on, the same settings but the engine's name, which Camunda's
 * JVM-wide registry needs to be unique here), started at the same moment on an empty database. Requests are
 * submitted and approved across both nodes; SQL then counts that nothing was lost or done twice. The one thing one
 * JVM cannot share, the static start-up state of Camunda's web apps, {@link CamundaWebappsInOneJvm} guards. Runs in a JVM of
 * its own (failsafe execution "separate-jvm"): closing engines with Camunda's web apps would disturb other test
 * contexts.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesClusterIT {

    private static final Logger log = LoggerFactory.getLogger(TwoNodesClusterIT.class);
    private static final int REQUESTS = Integer.getInteger("loket.cluster.requests", 200);
    private static final int RACES = 20;
    private static final String PAID_SOFTWARE = "Adobe Acrobat Pro";
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    /** The organisation's directory, one for both nodes as a real one would be. */
    private static EmbeddedDirectoryServer directory;
    private static final String DIRECTORY_PASSWORD = "cluster-test-service-password";
    private static final List<ConfigurableApplicationContext> nodes = new ArrayList<>();
    private static JdbcClient sql;
    private static final List<Request> submitted = new ArrayList<>();

    @BeforeAll
    static void twoNodesStartAtTheSameMoment() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        directory = new EmbeddedDirectoryServer("dc=loket,dc=example", "127.0.0.1", 0,
                "cn=loket,dc=loket,dc=example", DIRECTORY_PASSWORD, "classpath:directory/demo.ldif", null,
                new DefaultResourceLoader());
        // Spring Boot's logging set-up is not made for two applications starting in one JVM at once: the second
        // starts as soon as the first is past it, so that both build their contexts (Flyway, the engine and its
        // schema, start-up work) at the same moment
        CountDownLatch firstPastLogging = new CountDownLatch(1);
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            List<Future<ConfigurableApplicationContext>> started = List.of(
                    starters.submit(() -> startNode("node-a", null, firstPastLogging)),
                    starters.submit(() -> startNode("node-b", firstPastLogging, null)));
            for (Future<ConfigurableApplicationContext> node : started) {
                // an exception here is a node that failed to start: the test fails with its cause
                nodes.add(node.get(5, TimeUnit.MINUTES));
            }
        } finally {
            starters.shutdownNow();
        }
        sql = JdbcClient.create(nodes.get(0).getBean(DataSource.class));
    }

    private static ConfigurableApplicationContext startNode(String name, CountDownLatch after, CountDownLatch done)
            throws Exception {
        if (after != null) {
            after.await();
        }
        List<String> settings = List.of(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres"),
                "--spring.datasource.username=postgres",
                "--spring.datasource.hikari.maximum-pool-size=20",
                "--camunda.bpm.process-engine-name=" + name,
                "--camunda.bpm.job-execution.enabled=true",
                "--loket.demo-data.enabled=true",
                "--loket.mail.scheduler.enabled=true",
                "--loket.mail.poll-interval=PT1S",
                "--loket.mail.initial-delay=PT1S",
                "--loket.directory.kind=ldap",
                "--loket.directory.url=ldap://127.0.0.1:" + directory.port(),
                "--loket.directory.bind-password=" + DIRECTORY_PASSWORD,
                "--spring.mail.host=127.0.0.1",
                "--spring.mail.port=" + smtp.getSmtp().getPort(),
                "--vaadin.devmode.devTools.enabled=false",
                "--spring.main.banner-mode=off");
        SpringApplicationBuilder node = new SpringApplicationBuilder(LoketApplication.class)
                .initializers(new CamundaWebappsInOneJvm());
        if (done != null) {
            node.listeners(event -> {
                if (event instanceof ApplicationContextInitializedEvent) {
                    done.countDown();
                }
            });
        }
        return node.run(settings.toArray(String[]::new));
    }

    @AfterAll
    static void stop() throws Exception {
        for (ConfigurableApplicationContext node : nodes) {
            node.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (directory != null) {
            directory.close();
        }
    }

    @Test
    @Order(1)
    void both_nodes_started_and_the_start_up_work_was_done_once() {
        assertThat(nodes).hasSize(2);
        assertThat(sql.sql("select count(*) from loket_user where username in ('emma', 'mark', 'frank', 'ada', 'sanne')")
                .query(Long.class).single()).isEqualTo(5);
        assertThat(sql.sql("select count(*) from software where name = ?").param(PAID_SOFTWARE)
                .query(Long.class).single()).isEqualTo(1);
        assertThat(sql.sql("""
                select count(*) from service_request r join software_access_request a on a.request_id = r.id
                join software s on s.id = a.software_id where s.name = 'QGIS'""").query(Long.class).single())
                .as("the demo's request waiting for the IT fulfiller, made by one node").isEqualTo(1);
        assertThat(sql.sql("select count(*) from inbox_task").query(Long.class).single())
                .as("the inbox read model holds each open task once")
                .isEqualTo(sql.sql("select count(*) from act_ru_task").query(Long.class).single());
    }

    @Test
    @Order(2)
    void requests_submitted_and_approved_across_both_nodes_are_fulfilled_once_each() throws Exception {
        ExecutorService users = Executors.newFixedThreadPool(4);
        try {
            List<Future<Request>> submits = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                ConfigurableApplicationContext node = nodes.get(i % 2);
                submits.add(users.submit(() -> node.getBean(SoftwareRequests.class).submitAs("emma", PAID_SOFTWARE)));
            }
            for (Future<Request> submit : submits) {
                submitted.add(submit.get(PATIENCE.toSeconds(), TimeUnit.SECONDS));
            }
            List<Future<?>> approvals = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                // approved on the other node than the one it was submitted on
                ConfigurableApplicationContext node = nodes.get((i + 1) % 2);
                Request request = submitted.get(i);
                approvals.add(users.submit(() -> as(node, "mark",
                        () -> {
                            node.getBean(InboxService.class).approve(taskOf(request));
                            return null;
                        })));
            }
            for (Future<?> approval : approvals) {
                approval.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            }
        } finally {
            users.shutdownNow();
        }
        List<Long> ids = submitted.stream().map(Request::id).toList();
        Await.until("every request fulfilled by the job executors", PATIENCE, () -> count(
                "select count(*) from service_request where status = 'FULFILLED' and id in (" + in(ids) + ")")
                == REQUESTS);

        assertThat(count("select count(*) from service_request where requester = 'emma' and summary like '%"
                + PAID_SOFTWARE + "%'")).as("request rows").isEqualTo(REQUESTS);
        assertThat(count("select count(*) from software_grant where request_id in (" + in(ids) + ")"))
                .as("grants").isEqualTo(REQUESTS);
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
        assertThat(count("""
                select count(*) from (select recipient, request_number, message_key from notification
                group by recipient, request_number, message_key having count(*) > 1) twice"""))
                .as("notifications written twice").isZero();
        assertThat(count("select count(*) from notification where request_number in ("
                + numbers() + ") and recipient = 'emma' and message_key = 'notification.fulfilled'"))
                .as("each requester told once that it is fulfilled").isEqualTo(REQUESTS);
    }

    @Test
    @Order(3)
    void every_mail_in_the_outbox_is_sent_once() throws Exception {
        Await.until("the outbox sent by the two nodes' schedulers", PATIENCE,
                () -> count("select count(*) from mail_outbox where status <> 'SENT'") == 0);
        long sent = count("select count(*) from mail_outbox");
        MimeMessage[] received = smtp.getReceivedMessages();
        Map<String, Integer> copies = new ConcurrentHashMap<>();
        for (MimeMessage message : received) {
            String key = message.getRecipients(Message.RecipientType.TO)[0] + " " + message.getSubject();
            copies.merge(key, 1, Integer::sum);
        }
        log.info("Two nodes: {} requests, {} mails in the outbox, {} received", REQUESTS, sent, received.length);
        assertThat(sent).as("mails written").isGreaterThanOrEqualTo(2L * REQUESTS);
        assertThat(received).as("mails received").hasSize((int) sent);
        assertThat(copies.values()).as("no mail received twice").containsOnly(1);
    }

    @Test
    @Order(4)
    void two_approvers_deciding_the_same_task_at_once_on_two_nodes_exactly_one_wins() throws Exception {
        // mark has no manager: his requests go to the approvers' group, where anna and bert both may decide
        for (String approver : List.of("anna", "bert")) {
            addApprover(approver);
            for (ConfigurableApplicationContext node : nodes) {
                assertThat(node.getBean(UserAccountService.class).refreshFromDirectory(approver)).get()
                        .satisfies(account -> assertThat(account.roles()).contains(Roles.APPROVER));
            }
        }
        races("mark", "anna", "bert", loser -> loser.startsWith("taken by"));
    }

    /** As the directory's own administrators would: a person, and their membership of the approvers' group. */
    private static void addApprover(String username) throws Exception {
        try (LDAPConnection ldap = new LDAPConnection("127.0.0.1", directory.port(), "cn=loket,dc=loket,dc=example",
                DIRECTORY_PASSWORD)) {
            String dn = "uid=" + username + ",ou=people,dc=loket,dc=example";
            ldap.add(new Entry(dn, new Attribute("objectClass", "inetOrgPerson"), new Attribute("uid", username),
                    new Attribute("cn", username), new Attribute("sn", username),
                    new Attribute("mail", username + "@loket.example"), new Attribute("userPassword", "x-" + username)));
            for (String group : List.of("loket-employees", "loket-approvers")) {
                ldap.modify("cn=" + group + ",ou=groups,dc=loket,dc=example",
                        new Modification(ModificationType.ADD, "member", dn));
            }
        }
    }

    @Test
    @Order(5)
    void one_approver_deciding_on_both_nodes_at_once_is_told_it_is_done_on_the_other() throws Exception {
        // emma's requests are assigned to her manager mark: no claim decides the race, the engine's flush does (on
        // PostgreSQL the loser's insert of the decision variable meets the winner's unique key, which aborts the
        // loser's transaction)
        // the loser either met the winner's transaction or came after it had ended
        races("emma", "mark", "mark", loser -> loser.equals("taken by Mark de Vries") || loser.equals("already done"));
    }

    /**
     * RACES times: a request of the requester's, decided at the same moment by one approver on node A and one on
     * node B; exactly one approves, the other sees what the predicate accepts.
     */
    private static void races(String requester, String onA, String onB,
                              java.util.function.Predicate<String> loser) throws Exception {
        ExecutorService deciders = Executors.newFixedThreadPool(2);
        try {
            for (int race = 0; race < RACES; race++) {
                Request request = nodes.get(race % 2).getBean(SoftwareRequests.class).submitAs(requester, PAID_SOFTWARE);
                String taskId = taskOf(request);
                CountDownLatch go = new CountDownLatch(1);
                Future<String> a = deciders.submit(decide(nodes.get(0), onA, taskId, go));
                Future<String> b = deciders.submit(decide(nodes.get(1), onB, taskId, go));
                go.countDown();
                List<String> outcomes = List.of(a.get(60, TimeUnit.SECONDS), b.get(60, TimeUnit.SECONDS));
                assertThat(outcomes).as("race " + race).filteredOn("approved"::equals).hasSize(1);
                assertThat(outcomes).as("race " + race).filteredOn(loser).hasSize(1);
            }
        } finally {
            deciders.shutdownNow();
        }
    }

    private static Callable<String> decide(ConfigurableApplicationContext node, String approver, String taskId,
                                           CountDownLatch go) {
        return () -> as(node, approver, () -> {
            try {
                go.await();
                node.getBean(InboxService.class).approve(taskId);
                return "approved";
            } catch (TaskAlreadyTakenException e) {
                return "taken by " + e.handledByName();
            } catch (TaskNotAvailableException e) {
                // "does not exist, is already done, or is not yours": what the user sees when it is done
                return "already done";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        });
    }

    private static <T> T as(ConfigurableApplicationContext node, String username, Supplier<T> work) {
        node.getBean(TestUsers.class).loginAs(username);
        try {
            return work.get();
        } finally {
            TestUsers.logout();
        }
    }

    private static String taskOf(Request request) {
        return sql.sql("select task_id from inbox_task where request_id = ?").param(request.id())
                .query(String.class).single();
    }

    private static long count(String query) {
        return sql.sql(query).query(Long.class).single();
    }

    private static String in(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    private static String numbers() {
        return String.join(",", submitted.stream().map(r -> "'" + r.number() + "'").toList());
    }
}
