package nl.loket.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;

/**
 * kill -9 in the middle of the work: a Loket node (a JVM of its own, {@link LoketNode}) on PostgreSQL takes a batch
 * of requests whose background steps are still running (software grants, environments the simulated cloud is still
 * creating, mails in the outbox), is killed with SIGKILL, and is started again. Every request must reach its end
 * state exactly once: SQL counts requests, grants, environments, cloud resources and notifications; the SMTP
 * server counts mails. The figures (how many were done before the kill, how long recovery took) are logged for
 * docs/reliability.md.
 */
class CrashRecoveryClusterIT {

    private static final Logger log = LoggerFactory.getLogger(CrashRecoveryClusterIT.class);
    private static final int FREE_SOFTWARE = 15;
    private static final int PAID_SOFTWARE = 15;
    private static final int ENVIRONMENTS = 10;
    private static final Duration JOB_LOCK = Duration.ofSeconds(20);
    private static final Duration MAIL_LOCK = Duration.ofSeconds(40);
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    private static EmbeddedPostgres postgres;
    private static GreenMail smtp;
    private static JdbcClient sql;
    private static final List<LoketNode> nodes = new ArrayList<>();

    @BeforeAll
    static void database_and_mail_server() throws Exception {
        postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
        sql = JdbcClient.create(postgres.getPostgresDatabase());
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
    }

    @AfterAll
    static void stop() throws Exception {
        for (LoketNode node : nodes) {
            node.stop();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_node_killed_with_work_in_flight_finishes_every_request_exactly_once_after_its_restart() throws Exception {
        LoketNode first = start("crashing-node");
        List<LoketNode.Submitted> software = new ArrayList<>();
        List<LoketNode.Submitted> environments = new ArrayList<>();
        // environments first (the cloud takes a while), then software, so the last grants run when the kill comes
        for (int i = 0; i < ENVIRONMENTS; i++) {
            environments.add(first.orderEnvironment("emma", "utrecht", "crash-" + i));
        }
        for (int i = 0; i < Math.max(FREE_SOFTWARE, PAID_SOFTWARE); i++) {
            if (i < PAID_SOFTWARE) {
                LoketNode.Submitted paid = first.submitSoftware("emma", "Adobe Acrobat Pro");
                first.approve("mark", paid.id());
                software.add(paid);
            }
            if (i < FREE_SOFTWARE) {
                software.add(first.submitSoftware("emma", "LibreOffice"));
            }
        }
        List<Long> ids = new ArrayList<>();
        software.forEach(r -> ids.add(r.id()));
        environments.forEach(r -> ids.add(r.id()));
        int total = ids.size();
        first.kill();
        Instant killed = Instant.now();
        long doneBeforeKill = fulfilled(ids);
        log.info("Killed {} with {} of {} requests fulfilled ({} of {} grants, {} of {} environments), {} of {} mails"
                        + " sent", first.name(), doneBeforeKill, total,
                count("select count(*) from software_grant where request_id in (" + in(software) + ")"),
                software.size(), count("select count(*) from environment where status = 'RUNNING' and request_id in ("
                        + in(environments) + ")"), environments.size(),
                count("select count(*) from mail_outbox where status = 'SENT'"), count("select count(*) from mail_outbox"));
        assertThat(doneBeforeKill).as("work was still in flight when the node was killed").isLessThan(total);

        start("restarted-node");
        Instant ready = Instant.now();
        Await.until("every request fulfilled after the restart", PATIENCE, () -> fulfilled(ids) == total);
        Instant done = Instant.now();
        Await.until("the outbox sent", PATIENCE, () -> count("select count(*) from mail_outbox where status <> 'SENT'") == 0);
        Instant mailed = Instant.now();
        log.info("Crash recovery: {} of {} requests fulfilled exactly once; the restarted node was ready {} s after"
                        + " the kill, finished the work {} s and the mail {} s after the kill (job lock {} s, mail"
                        + " lock {} s)", total, total, seconds(killed, ready), seconds(killed, done),
                seconds(killed, mailed), JOB_LOCK.toSeconds(), MAIL_LOCK.toSeconds());

        String in = ids.stream().map(String::valueOf).collect(Collectors.joining(","));
        assertThat(count("select count(*) from service_request where id in (" + in + ") and status = 'FULFILLED'"))
                .as("requests fulfilled").isEqualTo(total);
        assertThat(count("select count(*) from software_grant where request_id in (" + in + ")"))
                .as("one grant per software request").isEqualTo(software.size());
        assertThat(count("select count(*) from environment where request_id in (" + in + ") and status = 'RUNNING'"))
                .as("one running environment per order").isEqualTo(environments.size());
        assertThat(count("select count(*) from sim_resource where name like 'utrecht-crash-%'"))
                .as("one resource per environment in the cloud").isEqualTo(environments.size());
        assertThat(count("select count(*) from act_ru_incident")).as("incidents").isZero();
        assertThat(count("""
                select count(*) from (select recipient, request_number, message_key from notification
                group by recipient, request_number, message_key having count(*) > 1) twice"""))
                .as("notifications written twice").isZero();
        assertThat(count("""
                select count(*) from (select recipient, kind, subject from mail_outbox
                group by recipient, kind, subject having count(*) > 1) twice"""))
                .as("mails written twice to the outbox").isZero();

        // a mail sent by the killed node before it could mark it sent goes again, with the same Message-ID
        Map<String, Set<String>> messageIdsPerMail = new HashMap<>();
        Map<String, Integer> copiesPerMessageId = new HashMap<>();
        for (MimeMessage message : smtp.getReceivedMessages()) {
            String mail = message.getRecipients(Message.RecipientType.TO)[0] + " " + message.getSubject();
            messageIdsPerMail.computeIfAbsent(mail, m -> new java.util.HashSet<>()).add(message.getMessageID());
            copiesPerMessageId.merge(message.getMessageID(), 1, Integer::sum);
        }
        long resent = copiesPerMessageId.values().stream().filter(copies -> copies > 1).count();
        log.info("Crash recovery: {} mails in the outbox, {} received, {} sent again after the kill",
                count("select count(*) from mail_outbox"), smtp.getReceivedMessages().length, resent);
        assertThat(messageIdsPerMail.values()).as("each mail has one Message-ID, also when sent again")
                .allSatisfy(messageIds -> assertThat(messageIds).hasSize(1));
        assertThat(copiesPerMessageId).as("one Message-ID per outbox row")
                .hasSize((int) count("select count(*) from mail_outbox"));
        assertThat(copiesPerMessageId.values()).as("sent again at most once, by the restarted node")
                .allSatisfy(copies -> assertThat(copies).isBetween(1, 2));
    }

    private static LoketNode start(String name) throws Exception {
        Map<String, String> settings = new HashMap<>();
        settings.put("spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"));
        settings.put("spring.datasource.username", "postgres");
        settings.put("camunda.bpm.job-execution.enabled", "true");
        settings.put("camunda.bpm.job-execution.lock-time-in-millis", String.valueOf(JOB_LOCK.toMillis()));
        settings.put("loket.demo-data.enabled", "true");
        settings.put("loket.mail.scheduler.enabled", "true");
        settings.put("loket.mail.poll-interval", "PT1S");
        settings.put("loket.mail.initial-delay", "PT1S");
        // the killed node holds the outbox lock this long (2 minutes by default)
        settings.put("loket.mail.lock-at-most", MAIL_LOCK.toString());
        settings.put("spring.mail.host", "127.0.0.1");
        settings.put("spring.mail.port", String.valueOf(smtp.getSmtp().getPort()));
        // the simulated cloud takes a while, so environments are being created when the node is killed
        settings.put("loket.environments.simulated.delay", "PT15S");
        settings.put("loket.environments.provider-poll", "PT2S");
        LoketNode node = LoketNode.start(name, settings);
        nodes.add(node);
        return node;
    }

    private static String in(List<LoketNode.Submitted> requests) {
        return requests.stream().map(r -> String.valueOf(r.id())).collect(Collectors.joining(","));
    }

    private static long fulfilled(List<Long> ids) {
        return count("select count(*) from service_request where status = 'FULFILLED' and id in ("
                + ids.stream().map(String::valueOf).collect(Collectors.joining(",")) + ")");
    }

    private static long count(String query) {
        return sql.sql(query).query(Long.class).single();
    }

    private static long seconds(Instant from, Instant to) {
        return Duration.between(from, to).toSeconds();
    }
}
