package nl.loket.security;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import nl.loket.support.MovableClock;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

/** When the failed logins cannot be read or counted, the login is refused as an authentication failure, no 500. */
class ThrottledAuthenticationProviderTest {

    /** A database without the throttle's table: every statement fails as when the database is away. */
    private final LoginThrottle throttleWithoutTable = new LoginThrottle(storeWithoutTable(),
            LoginThrottleContract.LIMITS, new MovableClock(Instant.parse("2026-12-03T09:00:00Z")));

    @Test
    void a_right_password_is_refused_when_the_locks_cannot_be_read() {
        var provider = new ThrottledAuthenticationProvider(passwords(true), throttleWithoutTable);
        assertThatThrownBy(() -> provider.authenticate(attempt()))
                .isInstanceOf(InternalAuthenticationServiceException.class);
    }

    @Test
    void a_wrong_password_that_cannot_be_counted_is_refused_as_an_authentication_failure() {
        var provider = new ThrottledAuthenticationProvider(passwords(false), new LoginThrottle(storeWithoutTable(),
                LoginThrottleContract.LIMITS, new MovableClock(Instant.parse("2026-12-03T09:00:00Z"))) {
            @Override
            void checkAllowed(String account, String address) {
                // the lock could be read; the counting then fails
            }
        });
        assertThatThrownBy(() -> provider.authenticate(attempt()))
                .isInstanceOf(InternalAuthenticationServiceException.class);
    }

    private static Authentication attempt() {
        return UsernamePasswordAuthenticationToken.unauthenticated("emma", "secret");
    }

    private static AuthenticationProvider passwords(boolean right) {
        return new AuthenticationProvider() {
            @Override
            public Authentication authenticate(Authentication attempt) {
                if (!right) {
                    throw new BadCredentialsException("Bad credentials");
                }
                return UsernamePasswordAuthenticationToken.authenticated(attempt.getName(), null, java.util.List.of());
            }

            @Override
            public boolean supports(Class<?> authentication) {
                return true;
            }
        };
    }

    private static LoginThrottleStore storeWithoutTable() {
        JdbcDataSource empty = new JdbcDataSource();
        empty.setURL("jdbc:h2:mem:no-throttle-table;DB_CLOSE_DELAY=-1");
        return new LoginThrottleStore(JdbcClient.create(empty), new DataSourceTransactionManager(empty));
    }
}
