package nl.loket.security;

import nl.loket.scheduling.StartUpLock;
import nl.loket.workflow.EngineIdentitySync;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Mirrors Loket's users and roles into the engine: all of them at start, then each new or changed one. */
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

    private void sync(UserAccount account) {
        sync.syncUser(account.username(), account.displayName(), account.email(), account.roles());
    }
}
