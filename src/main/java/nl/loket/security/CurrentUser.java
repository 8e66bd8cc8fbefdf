package nl.loket.security;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is calling, as Spring Security knows it. Services ask this instead of trusting a name from the UI. */
@Component
public class CurrentUser {

    public String username() {
        Authentication authentication = authentication();
        if (authentication == null) {
            throw new NotAuthenticatedException();
        }
        return authentication.getName();
    }

    /** Whether someone is logged in (not an anonymous visitor of the login page). */
    public boolean isLoggedIn() {
        return authentication() != null;
    }

    public Set<String> roles() {
        Authentication authentication = authentication();
        if (authentication == null) {
            return Set.of();
        }
        return authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .map(Roles::fromAuthority)
                .filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(String role) {
        return roles().contains(role);
    }

    private static Authentication authentication() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated()
                || authentication instanceof AnonymousAuthenticationToken) {
            return null;
        }
        return authentication;
    }

    public static class NotAuthenticatedException extends RuntimeException {
        NotAuthenticatedException() {
            super("No authenticated user");
        }
    }
}
