package nl.loket.scheduling;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Loket's scheduled work, safe with any number of nodes on one database and no per-node setting: every
 * {@code @Scheduled} method also carries {@code @SchedulerLock} (ArchitectureTest holds it to that), and the lock is
 * a row in the shared database (ShedLock's table {@code shedlock}, Flyway V9), taken by one node per run. Times are
 * the database's, so nodes whose clocks differ a little still agree. A node that dies holding a lock frees it after
 * the job's {@code lockAtMostFor}. The scheduler has several threads ({@code spring.task.scheduling.pool.size}), so
 * one slow job (an SMTP server that does not answer) does not hold up the others.
 * <p>
 * Work done at start waits for the start-up lock instead ({@link StartUpLock}).
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
// the lock is taken before a transaction begins and freed after it ends (never inside it)
@EnableSchedulerLock(defaultLockAtMostFor = "PT10M", order = Ordered.HIGHEST_PRECEDENCE)
public class SchedulingConfiguration {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource))
                .usingDbTime()
                .build());
    }
}
