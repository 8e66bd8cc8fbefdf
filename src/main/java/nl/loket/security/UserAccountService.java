package nl.loket.security;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class UserAccountService {

    private final UserAccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final ApplicationEventPublisher events;

    UserAccountService(UserAccountRepository accounts, PasswordEncoder passwordEncoder,
                       ApplicationEventPublisher events) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.events = events;
    }

    public Optional<UserAccount> find(String username) {
        return accounts.find(username);
    }

    public List<UserAccount> all() {
        return accounts.findAll();
    }

    public String displayName(String username) {
        return accounts.find(username).map(UserAccount::displayName).orElse(username);
    }

    /** The language the user last chose in the portal ("nl" or "en"): e-mail to them is written in it. */
    public Locale language(String username) {
        return Locale.forLanguageTag(accounts.language(username));
    }

    @Transactional
    public void changeLanguage(String username, Locale language) {
        accounts.updateLanguage(username, "en".equals(language.getLanguage()) ? "en" : "nl");
    }

    /** Creates the account unless one with that username exists; returns whether it was created. */
    @Transactional
    public boolean createIfAbsent(UserAccount account, String rawPassword) {
        if (accounts.exists(account.username())) {
            return false;
        }
        accounts.insert(account, passwordEncoder.encode(rawPassword));
        events.publishEvent(new UserAccountCreated(account.username()));
        return true;
    }
}
