package nl.loket.security;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import nl.loket.directory.DirectoryException;
import nl.loket.scheduling.StartUpLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When the directory's people are read into Loket: at start-up, before the demo data and the engine's copy need
 * them, and every {@code loket.directory.sync-interval} on one node at a time. A directory that cannot be reached
 * is logged and tried again next time; logins still read the person who logs in.
 */
@Component
@Order(-1)
class DirectorySyncSchedule implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DirectorySyncSchedule.class);

    private final DirectoryAccounts accounts;
    private final StartUpLock startUp;

    DirectorySyncSchedule(DirectoryAccounts accounts, StartUpLock startUp) {
        this.accounts = accounts;
        this.startUp = startUp;
    }

    @Override
    public void run(ApplicationArguments args) {
        startUp.runAlone("directory accounts", this::sync);
    }

    @Scheduled(fixedDelayString = "${loket.directory.sync-interval:PT5M}",
            initialDelayString = "${loket.directory.sync-interval:PT5M}")
    @SchedulerLock(name = "directory-sync", lockAtMostFor = "PT10M")
    void sync() {
        try {
            accounts.syncAll();
        } catch (DirectoryException e) {
            log.error("Directory sync failed; next try in loket.directory.sync-interval", e);
        }
    }
}
