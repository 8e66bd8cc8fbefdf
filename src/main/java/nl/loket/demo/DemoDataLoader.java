package nl.loket.demo;

import java.math.BigDecimal;
import java.util.Set;

import nl.loket.access.SoftwareCatalog;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo users and catalogue for the embedded run (loket.demo-data.enabled, on by default, off in the postgres
 * profile). Adds only what is missing, so it is safe on every start and never overwrites changes.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "loket.demo-data.enabled", havingValue = "true")
class DemoDataLoader implements ApplicationRunner {

    static final String DEMO_PASSWORD = "demo";

    private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);

    private final UserAccountService users;
    private final SoftwareCatalog software;

    DemoDataLoader(UserAccountService users, SoftwareCatalog software) {
        this.users = users;
        this.software = software;
    }

    @Override
    public void run(ApplicationArguments args) {
        // managers first: a manager must exist before someone can report to them
        user("mark", "Mark de Vries", null, Roles.EMPLOYEE, Roles.APPROVER);
        user("emma", "Emma Jansen", "mark", Roles.EMPLOYEE);
        user("frank", "Frank Bakker", "mark", Roles.EMPLOYEE, Roles.FULFILLER);
        user("ada", "Ada Visser", null, Roles.EMPLOYEE, Roles.PROCESS_ADMIN);

        software.addIfAbsent("Visual Studio Code", "Microsoft", "Code editor", BigDecimal.ZERO);
        software.addIfAbsent("LibreOffice", "The Document Foundation", "Office suite", BigDecimal.ZERO);
        software.addIfAbsent("Camunda Modeler", "Camunda", "BPMN, DMN and form modeller", BigDecimal.ZERO);
        software.addIfAbsent("IntelliJ IDEA Ultimate", "JetBrains", "Java IDE", new BigDecimal("49.90"));
        software.addIfAbsent("Adobe Acrobat Pro", "Adobe", "PDF editing and signing", new BigDecimal("19.99"));
        software.addIfAbsent("Microsoft Visio", "Microsoft", "Diagrams and floor plans", new BigDecimal("12.60"));
        log.info("Demo data is on: users emma, mark, frank and ada (password '{}')", DEMO_PASSWORD);
    }

    private void user(String username, String name, String manager, String... roles) {
        users.createIfAbsent(new UserAccount(username, name, username + "@loket.example", manager, true,
                Set.of(roles)), DEMO_PASSWORD);
    }
}
