package nl.loket.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;

/** The login as Spring Security's LDAP bind does it, against the embedded demo directory. */
class DirectoryLoginTest {

    EmbeddedDirectory embedded;
    AuthenticationProvider login;
    DirectoryLogin directoryLogin;

    @BeforeEach
    void start() throws Exception {
        embedded = new EmbeddedDirectory(null);
        directoryLogin = new DirectoryLogin(embedded.config, new DirectoryEndpoint(embedded.url(),
                EmbeddedDirectory.SERVICE_DN, EmbeddedDirectory.SERVICE_PASSWORD));
        login = directoryLogin.provider(new UserDetailsContextMapper() {
            @Override
            public UserDetails mapUserFromContext(DirContextOperations entry, String username,
                                                  java.util.Collection<? extends GrantedAuthority> authorities) {
                // what Loket's mapper gets to work with: the entry the bind found
                return User.withUsername(entry.getStringAttribute("uid")).password("").authorities("ROLE_x").build();
            }

            @Override
            public void mapUserToContext(UserDetails user, DirContextAdapter entry) {
                throw new UnsupportedOperationException();
            }
        });
    }

    @AfterEach
    void stop() {
        embedded.close();
    }

    private Authentication attempt(String username, String password) {
        return login.authenticate(UsernamePasswordAuthenticationToken.unauthenticated(username, password));
    }

    @Test
    void the_search_filter_is_built_by_the_encoder_around_springs_placeholder() {
        assertThat(directoryLogin.usernameFilter("{0}")).isEqualTo("(&(objectClass=inetOrgPerson)(uid={0}))");
        DirectoryProperties ad = EmbeddedDirectory.properties(Map.of("loket.directory.kind", "active-directory",
                "loket.directory.url", "ldaps://dc.example:636", "loket.directory.user-object-class", "user",
                "loket.directory.attributes.username", "sAMAccountName"));
        assertThat(new DirectoryLogin(ad, new DirectoryEndpoint("ldaps://dc.example:636", "x", "y"))
                .usernameFilter("{1}")).isEqualTo("(&(objectClass=user)(sAMAccountName={1}))");
    }

    @Test
    void the_right_password_logs_in_as_the_person_the_directory_found() {
        Authentication emma = attempt("emma", "demo");
        assertThat(emma.isAuthenticated()).isTrue();
        assertThat(emma.getName()).isEqualTo("emma");
    }

    @Test
    void a_wrong_password_and_an_unknown_user_are_told_the_same() {
        assertThatThrownBy(() -> attempt("emma", "wrong")).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
        assertThatThrownBy(() -> attempt("nobody", "demo")).isInstanceOf(BadCredentialsException.class)
                .hasMessage("Bad credentials");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", "e*", "*)(uid=*", "emma)(|(uid=*", "*)(objectClass=*))(|(uid=*", "emma)(cn=*"})
    void filter_characters_in_the_username_find_nobody_and_log_nobody_in(String attack) {
        assertThatThrownBy(() -> attempt(attack, "demo")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_changed_password_logs_in_and_the_old_one_no_longer_does() {
        embedded.directory.setPassword("emma", "the-new-one-for-emma");
        assertThat(attempt("emma", "the-new-one-for-emma").getName()).isEqualTo("emma");
        assertThatThrownBy(() -> attempt("emma", "demo")).isInstanceOf(BadCredentialsException.class);
    }

    @Test
    void a_directory_that_does_not_answer_is_no_wrong_password_of_the_user() {
        embedded.server.close();
        assertThatThrownBy(() -> attempt("emma", "demo"))
                .isInstanceOf(org.springframework.security.authentication.InternalAuthenticationServiceException.class);
    }

    @Test
    void an_empty_password_never_logs_in() {
        assertThatThrownBy(() -> attempt("emma", "")).isInstanceOf(BadCredentialsException.class);
    }
}
