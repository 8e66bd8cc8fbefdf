package nl.loket.security;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import nl.loket.directory.Directory;
import nl.loket.directory.Person;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Copies the directory's people into Loket's account table: at each login (that person), at start-up and on a
 * schedule (everyone). The directory is the source of truth; Loket's copy is rewritten from it and holds on its own
 * only what a directory does not (the language someone chose, their substitute). Whoever is disabled in the
 * directory or no longer in it loses their roles here and their open tasks go back to the group.
 */
@Service
class DirectoryAccounts {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAccounts.class);

    private final Directory directory;
    private final UserAccountRepository accounts;
    private final DirectoryRoles roles;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DirectoryAccounts(Directory directory, UserAccountRepository accounts, DirectoryRoles roles,
                      ApplicationEventPublisher events, Clock clock) {
        this.directory = directory;
        this.accounts = accounts;
        this.roles = roles;
        this.events = events;
        this.clock = clock;
    }

    /** The account of someone who just proved their password to the directory, as the directory has it now. */
    @Transactional
    public Optional<UserAccount> atLogin(String username) {
        Optional<Person> person = directory.find(username);
        if (person.isEmpty()) {
            closeIfOpen(username);
            return Optional.empty();
        }
        return Optional.of(copy(person.get()));
    }

    /** Everyone: new people added, changed ones rewritten, people gone or disabled closed. */
    @Transactional
    public SyncResult syncAll() {
        List<Person> people = directory.people();
        Set<String> present = new HashSet<>();
        int changed = 0;
        for (Person person : people) {
            present.add(person.username());
            if (copyIfChanged(person)) {
                changed++;
            }
        }
        // someone whose manager came later in the list: the reference to the manager is made now
        for (Person person : people) {
            if (person.managerUsername() != null && accounts.find(person.username())
                    .map(account -> account.managerUsername() == null).orElse(false)) {
                copyIfChanged(person);
            }
        }
        int closed = 0;
        for (String username : accounts.usernames()) {
            if (!present.contains(username) && closeIfOpen(username)) {
                closed++;
            }
        }
        log.info("Directory sync: {} people, {} changed, {} closed", people.size(), changed, closed);
        return new SyncResult(people.size(), changed, closed);
    }

    record SyncResult(int people, int changed, int closed) {
    }

    private UserAccount copy(Person person) {
        copyIfChanged(person);
        return accounts.find(person.username()).orElseThrow();
    }

    private boolean copyIfChanged(Person person) {
        UserAccount fresh = accountOf(person);
        Optional<UserAccount> current = accounts.find(person.username());
        UserAccountRepository.Profile profile = new UserAccountRepository.Profile(person.department(), person.title(),
                person.enabled() ? roles.otherGroups(person) : new java.util.TreeSet<>());
        if (current.isEmpty()) {
            accounts.insert(fresh, profile, language(person), clock.instant());
            events.publishEvent(new UserAccountChanged(person.username()));
            log.info("New account from the directory: {} with roles {}", person.username(), fresh.roles());
            return true;
        }
        if (current.get().equals(fresh) && accounts.profile(person.username()).equals(profile)) {
            return false;
        }
        accounts.update(fresh, profile, clock.instant());
        events.publishEvent(new UserAccountChanged(person.username()));
        if (current.get().enabled() && !fresh.enabled()) {
            log.info("Account {} is disabled in the directory", person.username());
            events.publishEvent(new UserAccountClosed(person.username()));
        }
        return true;
    }

    private UserAccount accountOf(Person person) {
        String manager = person.managerUsername() != null && accounts.exists(person.managerUsername())
                ? person.managerUsername() : null;
        return new UserAccount(person.username(), Objects.requireNonNullElse(person.displayName(), person.username()),
                person.email(), manager, person.enabled(), person.enabled() ? roles.rolesOf(person) : Set.of());
    }

    private static String language(Person person) {
        return "en".equalsIgnoreCase(person.preferredLanguage()) ? "en" : "nl";
    }

    private boolean closeIfOpen(String username) {
        Optional<UserAccount> current = accounts.find(username);
        if (current.isEmpty() || (!current.get().enabled() && current.get().roles().isEmpty())) {
            return false;
        }
        accounts.markGone(username);
        log.info("Account {} is no longer in the directory", username);
        events.publishEvent(new UserAccountChanged(username));
        events.publishEvent(new UserAccountClosed(username));
        return true;
    }
}
