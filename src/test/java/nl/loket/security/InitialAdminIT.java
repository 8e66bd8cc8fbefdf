package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import nl.loket.directory.Directory;

/** A production start: no demo data, the first process admin from the environment. */
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:loket-initial-admin;DB_CLOSE_DELAY=-1",
        "camunda.bpm.job-execution.enabled=false",
        "loket.demo-data.enabled=false",
        "loket.admin.username=beheer",
        "loket.admin.password=a-long-enough-secret",
        // a production start on the embedded directory: no demo people in it
        "loket.directory.embedded.seed=classpath:directory/empty.ldif",
        // its own engine name: Camunda's web apps find engines by name in a JVM-wide registry
        "camunda.bpm.process-engine-name=initialadmin"
})
class InitialAdminIT {

    @Autowired UserAccountService accounts;
    @Autowired Directory directory;

    @Test
    void the_first_process_admin_is_created_and_no_demo_users() {
        UserAccount admin = accounts.find("beheer").orElseThrow();
        assertThat(admin.roles()).contains(Roles.PROCESS_ADMIN);
        assertThat(directory.authenticate("beheer", "a-long-enough-secret")).isTrue();
        assertThat(directory.authenticate("beheer", "another-secret")).isFalse();
        assertThat(accounts.find("emma")).isEmpty();
        assertThat(accounts.all()).extracting(UserAccount::username).containsExactly("beheer");
    }
}
