package nl.loket.security;

import java.util.List;
import java.util.Set;

import nl.loket.directory.password.PasswordPolicy;
import nl.loket.directory.password.PasswordProblem;

import nl.loket.scheduling.StartUpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The first process admin of a fresh production database (no demo data): created from LOKET_ADMIN_USERNAME and
 * LOKET_ADMIN_PASSWORD if both are set and the account does not exist yet. Never changes an existing account.
 */
@Component
@Order(0)
class InitialAdminLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialAdminLoader.class);
    private final UserAccountService accounts;
    private final PasswordPolicy passwordPolicy;
    private final String username;
    private final String password;
    private final StartUpLock startUp;

    InitialAdminLoader(UserAccountService accounts, @Value("${loket.admin.username:}") String username,
                       @Value("${loket.admin.password:}") String password, StartUpLock startUp,
                       PasswordPolicy passwordPolicy) {
        this.accounts = accounts;
        this.passwordPolicy = passwordPolicy;
        this.startUp = startUp;
        this.username = username.strip();
        this.password = password;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (username.isEmpty() || password.isEmpty()) {
            return;
        }
        startUp.runAlone("initial admin", this::createIfAbsent);
    }

    private void createIfAbsent() {
        if (!accounts.canAddPeople()) {
            log.warn("LOKET_ADMIN_USERNAME is ignored: with a directory of its own, process admins are the members "
                    + "of loket.directory.role-groups.process-admin");
            return;
        }
        List<PasswordProblem> problems = passwordPolicy.check(username, password);
        if (!problems.isEmpty()) {
            // the reasons by their codes (too-short, common, ...), never the password
            log.error("Initial admin '{}' not created: LOKET_ADMIN_PASSWORD does not meet the password policy "
                    + "(docs/directory.md, \"Password policy\"): {}", username,
                    problems.stream().map(PasswordProblem::code).toList());
            return;
        }
        boolean created = accounts.createIfAbsent(new UserAccount(username, username, null, null, true,
                Set.of(Roles.EMPLOYEE, Roles.PROCESS_ADMIN)), password);
        if (created) {
            log.info("Created the initial process admin '{}'", username);
        }
    }
}
