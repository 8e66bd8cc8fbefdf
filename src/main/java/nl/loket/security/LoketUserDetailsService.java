package nl.loket.security;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * A user with their roles from Loket's copy of the directory, for work done on someone's behalf (the demo data's
 * steps, tests). Not used for logins: those bind to the directory ({@link LoginThrottleConfig}).
 */
@Service
class LoketUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    LoketUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return DirectoryLoginAccounts.toUserDetails(accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user")));
    }
}
