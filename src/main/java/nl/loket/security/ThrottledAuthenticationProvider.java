package nl.loket.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

/**
 * Every password check of every door (the portal's login form, HTTP Basic on engine-rest and actuator) goes
 * through the {@link LoginThrottle}: refused while locked, failures counted, a success forgets the account's failures.
 */
final class ThrottledAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(ThrottledAuthenticationProvider.class);

    private final AuthenticationProvider passwords;
    private final LoginThrottle throttle;

    ThrottledAuthenticationProvider(AuthenticationProvider passwords, LoginThrottle throttle) {
        this.passwords = passwords;
        this.throttle = throttle;
    }

    @Override
    public Authentication authenticate(Authentication attempt) {
        String account = attempt.getName();
        String address = clientAddress(attempt);
        withCounts(account, () -> throttle.checkAllowed(account, address));
        Authentication authenticated;
        try {
            authenticated = passwords.authenticate(attempt);
        } catch (InternalAuthenticationServiceException notAnAnswer) {
            // the user store could not be asked (a database outage): no failure of the user's
            throw notAnAnswer;
        } catch (AuthenticationException failed) {
            withCounts(account, () -> throttle.failed(account, address));
            throw failed;
        }
        if (authenticated != null) {
            withCounts(account, () -> throttle.succeeded(account));
        }
        return authenticated;
    }

    /** Without the counts no login: refused as during a database outage in the password check, never a 500. */
    private static void withCounts(String account, Runnable step) {
        try {
            step.run();
        } catch (DataAccessException databaseAway) {
            log.error("Login of '{}' refused: failed logins cannot be counted", LoginThrottle.printable(account),
                    databaseAway);
            throw new InternalAuthenticationServiceException("Login throttle unavailable", databaseAway);
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return passwords.supports(authentication);
    }

    /**
     * The address Spring's login filters took from the request ({@code request.getRemoteAddr()}: the proxy's,
     * unless {@code server.forward-headers-strategy} trusts its X-Forwarded-For; docs/operations.md).
     */
    private static String clientAddress(Authentication attempt) {
        return attempt.getDetails() instanceof WebAuthenticationDetails web ? web.getRemoteAddress() : null;
    }
}
