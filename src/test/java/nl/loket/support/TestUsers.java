package nl.loket.support;

import java.util.Set;

import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.stereotype.Component;

/** Logs a demo user in for the current thread, with the roles stored for that user. */
@Component
public class TestUsers {

    private final UserDetailsService users;
    private final UserAccountService accounts;

    TestUsers(UserDetailsService users, UserAccountService accounts) {
        this.users = users;
        this.accounts = accounts;
    }

    /** An extra approver (employee and approver), created once; password "secret-for-<username>". */
    public void approver(String username, String displayName, String manager) {
        accounts.createIfAbsent(new UserAccount(username, displayName, username + "@loket.example", manager, true,
                Set.of(Roles.EMPLOYEE, Roles.APPROVER)), "secret-for-" + username);
    }

    public void loginAs(String username) {
        UserDetails user = users.loadUserByUsername(username);
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    public static void logout() {
        SecurityContextHolder.clearContext();
    }
}
