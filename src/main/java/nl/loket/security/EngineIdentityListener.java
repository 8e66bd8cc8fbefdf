package nl.loket.security;

import nl.loket.scheduling.StartUpLock;
import nl.loket.workflow.EngineIdentitySync;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Mirrors Loket's users, roles and directory groups into the engine: all of them at start, then each new or changed
 * one.
 */
@Component
class EngineIdentityListener {

    private final UserAccountService accounts;
    private final EngineIdentitySync sync;
    private final StartUpLock startUp;

    EngineIdentityListener(UserAccountService accounts, EngineIdentitySync sync, StartUpLock startUp) {
        this.accounts = accounts;
        this.startUp = startUp;
        this.sync = sync;
    }

    @EventListener(ApplicationReadyEvent.class)
    void syncAll() {
        startUp.runAlone("engine identities", () -> {
            sync.ensureGroups(Roles.ALL);
            accounts.all().forEach(this::sync);
        });
    }

    @EventListener
    void onChanged(UserAccountChanged event) {
        accounts.find(event.username()).ifPresent(this::sync);
    }

    /** Their roles (as Loket's role ids) and, while enabled, the directory's other groups under their own names. */
    private void sync(UserAccount account) {
        java.util.Set<String> groups = new java.util.HashSet<>(account.roles());
        if (account.enabled()) {
            groups.addAll(accounts.directoryGroups(account.username()));
        }
        sync.syncUser(account.username(), account.displayName(), account.email(), groups);
    }
}
