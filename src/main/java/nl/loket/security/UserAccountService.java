package nl.loket.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.loket.TransactionScoped;
import nl.loket.directory.Directory;
import nl.loket.directory.NewPerson;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserAccountService {

    private final UserAccountRepository accounts;
    private final Directory directory;
    private final DirectoryRoles directoryRoles;
    private final DirectoryAccounts directoryAccounts;
    /** Accounts read in this transaction: a submit asks for the requester's for the approver, the e-mail and its language. */
    private final TransactionScoped<String, UserAccountRepository.AccountRow> read = new TransactionScoped<>();

    UserAccountService(UserAccountRepository accounts, Directory directory, DirectoryRoles directoryRoles,
                       DirectoryAccounts directoryAccounts) {
        this.accounts = accounts;
        this.directory = directory;
        this.directoryRoles = directoryRoles;
        this.directoryAccounts = directoryAccounts;
    }

    public Optional<UserAccount> find(String username) {
        return row(username).map(UserAccountRepository.AccountRow::account);
    }

    public List<UserAccount> all() {
        return accounts.findAll();
    }

    public String displayName(String username) {
        return find(username).map(UserAccount::displayName).orElse(username);
    }

    /** The language the user last chose in the portal ("nl" or "en"): e-mail to them is written in it. */
    public Locale language(String username) {
        return Locale.forLanguageTag(row(username).map(UserAccountRepository.AccountRow::language).orElse("nl"));
    }

    /**
     * The language the portal is shown in, for the user's e-mail, as long as they never chose one themselves (a
     * choice with the switcher stays until they choose again, whatever the browser says).
     */
    @Transactional
    public void followLanguage(String username, Locale language) {
        if (accounts.chosenLanguage(username).isEmpty()) {
            accounts.updateLanguage(username, code(language));
            read.forget(username);
        }
    }

    /** The user chose a language with the switcher: the portal and their e-mail use it from now on, at every login. */
    @Transactional
    public void changeLanguage(String username, Locale language) {
        accounts.chooseLanguage(username, code(language));
        read.forget(username);
    }

    /** The language the user chose with the switcher, if they ever did. */
    public Optional<Locale> chosenLanguage(String username) {
        return accounts.chosenLanguage(username).map(Locale::forLanguageTag);
    }

    private Optional<UserAccountRepository.AccountRow> row(String username) {
        return read.get(username, accounts::findWithLanguage);
    }

    private static String code(Locale language) {
        return "en".equals(language.getLanguage()) ? "en" : "nl";
    }

    /**
     * Adds the person to the directory unless someone has that username (demo data, the initial admin, tests), with
     * the groups of their roles, and copies them into Loket; returns whether they were added. Only the embedded
     * directory takes people from Loket: a real one has its own provisioning.
     */
    @Transactional
    public boolean createIfAbsent(UserAccount account, String rawPassword) {
        if (accounts.exists(account.username())) {
            return false;
        }
        boolean added = directory.addPersonIfAbsent(new NewPerson(account.username(), account.displayName(),
                account.email(), account.managerUsername(), directoryRoles.groupsFor(account.roles()), rawPassword));
        read.forget(account.username());
        directoryAccounts.atLogin(account.username());
        return added;
    }

    /** Reads the person from the directory now (not waiting for the next sync); empty if they are not in it. */
    @Transactional
    public Optional<UserAccount> refreshFromDirectory(String username) {
        read.forget(username);
        return directoryAccounts.atLogin(username);
    }

    /** The directory groups the person is in beyond the role groups (as of the last sync or login). */
    public java.util.SortedSet<String> directoryGroups(String username) {
        return accounts.profile(username).groups();
    }

    /** Whether Loket may add people to the directory ({@link #createIfAbsent}). */
    public boolean canAddPeople() {
        return directory.canAddPeople();
    }
}
