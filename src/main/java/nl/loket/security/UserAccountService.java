package nl.loket.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import nl.loket.TransactionScoped;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserAccountService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;
    /** Accounts read in this transaction: a submit asks for the requester's for the approver, the e-mail and its language. */
    private final TransactionScoped<String, UserAccountRepository.AccountRow> read = new TransactionScoped<>();

    UserAccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
                       ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
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

    /** Creates the account unless one with that username exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(UserAccount account, String rawPassword) {
        if (accounts.exists(account.username())) {
            return false;
        }
        accounts.insert(account, passwordEncoder.encode(rawPassword));
        read.forget(account.username());
        events.publishEvent(new UserAccountCreated(account.username()));
        return true;
    }
}
