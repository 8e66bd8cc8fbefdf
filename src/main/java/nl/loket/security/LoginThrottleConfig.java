package nl.loket.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The one password check of all filter chains: Spring Security gives a single {@link AuthenticationProvider} bean
 * to the global authentication manager, which every chain's own manager asks.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottleConfig {

    @Bean
    AuthenticationProvider throttledAuthenticationProvider(UserDetailsService users, PasswordEncoder passwordEncoder,
                                                           LoginThrottle throttle) {
        DaoAuthenticationProvider passwords = new DaoAuthenticationProvider(users);
        passwords.setPasswordEncoder(passwordEncoder);
        // an unknown user is answered as a wrong password, after hashing a dummy password (same time taken)
        passwords.setHideUserNotFoundExceptions(true);
        return new ThrottledAuthenticationProvider(passwords, throttle);
    }
}
