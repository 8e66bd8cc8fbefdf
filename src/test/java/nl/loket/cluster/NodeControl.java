package nl.loket.cluster;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

import nl.loket.environment.EnvironmentOrder;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.Schedule;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;
import nl.loket.health.DatabaseOutage;
import nl.loket.inbox.InboxService;
import nl.loket.request.Request;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a test does through the portal, for a Loket node running as a JVM of its own ({@link LoketNode}): submit
 * and approve through the same services the pages use, as the named user. On the test class path only, and only
 * with {@code loket.test.node-control=true}, which only {@link LoketNode} sets.
 */
@RestController
@RequestMapping(NodeControl.PATH)
@ConditionalOnProperty(name = "loket.test.node-control", havingValue = "true")
class NodeControl {

    static final String PATH = "/test-node";

    private final SoftwareRequests software;
    private final EnvironmentService environments;
    private final InboxService inbox;
    private final TestUsers users;
    private final JdbcClient sql;

    NodeControl(SoftwareRequests software, EnvironmentService environments, InboxService inbox, TestUsers users,
                JdbcClient sql) {
        this.software = software;
        this.environments = environments;
        this.inbox = inbox;
        this.users = users;
        this.sql = sql;
    }

    /** The test drives the node without a login; nothing else on the node is opened by this. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    static SecurityFilterChain nodeControlChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PATH + "/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .build();
    }

    /** Which node answered: the name LoketNode gave it. */
    @GetMapping("/whoami")
    String whoami(@Value("${loket.test.node-name:}") String name) {
        return name;
    }

    @PostMapping("/software")
    Map<String, Object> software(@RequestParam String user, @RequestParam String name) {
        return answer(software.submitAs(user, name));
    }

    @PostMapping("/environment")
    Map<String, Object> environment(@RequestParam String user, @RequestParam String tenant,
                                    @RequestParam String name) {
        return answer(as(user, () -> environments.order(new EnvironmentOrder(tenant, "database-sandbox", name,
                Stage.DEVELOPMENT, Size.SMALL, false, false, Schedule.alwaysOn(),
                LocalDate.now().plusWeeks(2)))));
    }

    @PostMapping("/approve")
    Map<String, Object> approve(@RequestParam String user, @RequestParam long request) {
        String task = sql.sql("select task_id from inbox_task where request_id = ?").param(request)
                .query(String.class).single();
        as(user, () -> {
            inbox.approve(task);
            return null;
        });
        return Map.of("approved", task);
    }

    /** What the user would be told: the message key the portal shows (503 for an unreachable database). */
    @ExceptionHandler(RuntimeException.class)
    ResponseEntity<Map<String, Object>> failed(RuntimeException error) {
        boolean outage = DatabaseOutage.isCauseOf(error);
        return ResponseEntity.status(outage ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR)
                .body(Map.of("message", outage ? DatabaseOutage.MESSAGE : "error.unexpected",
                        "error", error.toString()));
    }

    private <T> T as(String user, Supplier<T> work) {
        users.loginAs(user);
        try {
            return work.get();
        } finally {
            TestUsers.logout();
        }
    }

    private static Map<String, Object> answer(Request request) {
        return Map.of("id", request.id(), "number", request.number());
    }
}
