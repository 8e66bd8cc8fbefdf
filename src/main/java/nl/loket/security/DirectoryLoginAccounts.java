package nl.loket.security;

import java.util.Collection;

import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import nl.loket.directory.DirectoryException;
import org.springframework.stereotype.Component;

/**
 * After the directory accepted someone's password: their account as the directory has it now (copied into Loket),
 * with Loket's roles from their groups. Disabled in the directory: no login.
 */
@Component
class DirectoryLoginAccounts implements UserDetailsContextMapper {

    private final DirectoryAccounts accounts;

    DirectoryLoginAccounts(DirectoryAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails mapUserFromContext(DirContextOperations entry, String username,
                                          Collection<? extends GrantedAuthority> ignored) {
        UserAccount account;
        try {
            account = accounts.atLogin(username).orElseThrow(() -> new DisabledException("Not in the directory"));
        } catch (DirectoryException e) {
            throw new InternalAuthenticationServiceException("The directory could not be read", e);
        }
        if (!account.enabled()) {
            throw new DisabledException("Disabled in the directory");
        }
        return toUserDetails(account);
    }

    static UserDetails toUserDetails(UserAccount account) {
        return User.withUsername(account.username())
                // the password stays in the directory: no password encoder matches an empty hash
                .password("")
                .disabled(!account.enabled())
                .authorities(account.roles().stream().map(Roles::authority).map(SimpleGrantedAuthority::new).toList())
                .build();
    }

    @Override
    public void mapUserToContext(UserDetails user, DirContextAdapter entry) {
        throw new UnsupportedOperationException("Loket does not write logins to the directory");
    }
}
