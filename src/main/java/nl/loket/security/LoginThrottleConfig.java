package nl.loket.security;

import nl.loket.directory.DirectoryLogin;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;

/**
 * The one password check of all filter chains: Spring Security gives a single {@link AuthenticationProvider} bean
 * to the global authentication manager, which every chain's own manager asks. The password is checked by a bind
 * to the directory; the throttle counts failures in front of it.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfig {

    @Bean
    AuthenticationProvider throttledAuthenticationProvider(DirectoryLogin directory, DirectoryLoginAccounts accounts,
                                                           LoginThrottle throttle) {
        return new ThrottledAuthenticationProvider(directory.provider(accounts), throttle);
    }
}
