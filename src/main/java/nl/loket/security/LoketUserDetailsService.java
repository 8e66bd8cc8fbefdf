package nl.loket.security;

import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Spring Security reads Loket's own user table; roles become {@code ROLE_<id>} authorities. */
@Service
class LoketUserDetailsService implements UserDetailsService {

    private final UserAccountRepository accounts;

    LoketUserDetailsService(UserAccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        UserAccount account = accounts.find(username)
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
        String hash = accounts.passwordHash(username).orElseThrow();
        return User.withUsername(account.username())
                .password(hash)
                .disabled(!account.enabled())
                .authorities(account.roles().stream().map(Roles::authority).map(SimpleGrantedAuthority::new).toList())
                .build();
    }
}
