package nl.loket.directory;

import java.util.List;
import java.util.Map;

import com.unboundid.ldap.sdk.Filter;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.ldap.DefaultSpringSecurityContextSource;
import org.springframework.security.ldap.authentication.BindAuthenticator;
import org.springframework.security.ldap.authentication.LdapAuthenticationProvider;
import org.springframework.security.ldap.authentication.ad.ActiveDirectoryLdapAuthenticationProvider;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;
import org.springframework.security.ldap.userdetails.UserDetailsContextMapper;
import org.springframework.stereotype.Component;

/**
 * Logins as Spring Security's LDAP support does them: the user's own bind to the directory with the password they
 * typed (found by their username under the people base), or Active Directory's bind as user@domain. Which
 * account and roles follow from a successful bind is the caller's {@link UserDetailsContextMapper}.
 */
@Component
public class DirectoryLogin {

    private final DirectoryProperties config;
    private final DirectoryEndpoint endpoint;

    DirectoryLogin(DirectoryProperties config, DirectoryEndpoint endpoint) {
        this.config = config;
        this.endpoint = endpoint;
    }

    public AuthenticationProvider provider(UserDetailsContextMapper accounts) {
        if (config.kind() == DirectoryKind.ACTIVE_DIRECTORY) {
            return activeDirectory(accounts);
        }
        DefaultSpringSecurityContextSource directory = new DefaultSpringSecurityContextSource(
                List.of(endpoint.url()), config.baseDn());
        directory.setUserDn(endpoint.bindDn());
        directory.setPassword(endpoint.bindPassword());
        directory.setBaseEnvironmentProperties(Map.of(
                "com.sun.jndi.ldap.connect.timeout", String.valueOf(config.pool().connectTimeout().toMillis()),
                "com.sun.jndi.ldap.read.timeout", String.valueOf(config.pool().responseTimeout().toMillis())));
        directory.afterPropertiesSet();
        // {0} is the typed username: Spring Security escapes it before it goes into the filter
        FilterBasedLdapUserSearch search = new FilterBasedLdapUserSearch(config.userBase(),
                usernameFilter("{0}"), directory);
        BindAuthenticator bind = new BindAuthenticator(directory);
        bind.setUserSearch(search);
        bind.afterPropertiesSet();
        LdapAuthenticationProvider provider = new LdapAuthenticationProvider(bind);
        provider.setUserDetailsContextMapper(accounts);
        provider.setHideUserNotFoundExceptions(true);
        return provider;
    }

    private AuthenticationProvider activeDirectory(UserDetailsContextMapper accounts) {
        ActiveDirectoryLdapAuthenticationProvider provider = new ActiveDirectoryLdapAuthenticationProvider(
                config.activeDirectoryDomain(), endpoint.url(), config.baseDn());
        // {1} is the username as typed, without the domain (escaped by Spring Security)
        provider.setSearchFilter(usernameFilter("{1}"));
        provider.setConvertSubErrorCodesToExceptions(true);
        provider.setUserDetailsContextMapper(accounts);
        return provider;
    }

    /** The search filter template: built with UnboundID's encoder around a placeholder Spring fills in escaped. */
    String usernameFilter(String placeholder) {
        return Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", config.userObjectClass()),
                Filter.createEqualityFilter(config.attributes().username(), placeholder)).toString();
    }
}
