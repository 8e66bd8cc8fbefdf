package nl.loket.directory;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the directory is and how its entries read ({@code loket.directory.*}, docs/configuration.md, "Directory").
 * The defaults describe the embedded demo directory; an OpenLDAP or Active Directory sets its own.
 *
 * @param url           {@code ldap://host:port} or {@code ldaps://host:port}; with the embedded directory it is
 *                      filled in from the port it listens on
 * @param baseDn        the suffix all other DNs live under
 * @param bindDn        the service account Loket reads and writes with
 * @param userBase      where people are, relative to the base DN
 * @param groupBase     where groups are, relative to the base DN
 * @param syncInterval  how often the people and groups are read into Loket and the engine
 * @param activeDirectoryDomain the domain users log in to Active Directory with (user@domain), AD only
 */
@ConfigurationProperties("loket.directory")
public record DirectoryProperties(
        @DefaultValue("embedded") DirectoryKind kind,
        @DefaultValue("") String url,
        @DefaultValue("dc=loket,dc=example") String baseDn,
        @DefaultValue("cn=loket,dc=loket,dc=example") String bindDn,
        @DefaultValue("") String bindPassword,
        @DefaultValue("ou=people") String userBase,
        @DefaultValue("ou=groups") String groupBase,
        @DefaultValue("inetOrgPerson") String userObjectClass,
        @DefaultValue("groupOfMembers") String groupObjectClass,
        @DefaultValue("member") String memberAttribute,
        @DefaultValue Attributes attributes,
        @DefaultValue RoleGroups roleGroups,
        @DefaultValue Pool pool,
        @DefaultValue Embedded embedded,
        @DefaultValue("PT5M") Duration syncInterval,
        @DefaultValue("") String activeDirectoryDomain) {

    public DirectoryProperties {
        if (kind != DirectoryKind.EMBEDDED && url.isBlank()) {
            throw new IllegalArgumentException("loket.directory.url is needed unless loket.directory.kind is embedded");
        }
    }

    /** Which attribute holds what; Active Directory: sAMAccountName, displayName, and so on. */
    public record Attributes(
            @DefaultValue("uid") String username,
            @DefaultValue("cn") String displayName,
            @DefaultValue("mail") String mail,
            @DefaultValue("manager") String manager,
            @DefaultValue("department") String department,
            @DefaultValue("title") String title,
            @DefaultValue("preferredLanguage") String preferredLanguage,
            @DefaultValue("cn") String groupName) {
    }

    /** The directory group (by its name) whose members have each of Loket's roles. */
    public record RoleGroups(
            @DefaultValue("loket-employees") String employee,
            @DefaultValue("loket-approvers") String approver,
            @DefaultValue("loket-fulfillers") String fulfiller,
            @DefaultValue("loket-process-admins") String processAdmin) {
    }

    /** Connections kept open to the directory, and how long one call may take. */
    public record Pool(
            @DefaultValue("2") int initialSize,
            @DefaultValue("10") int maxSize,
            @DefaultValue("PT5S") Duration connectTimeout,
            @DefaultValue("PT10S") Duration responseTimeout) {
    }

    /**
     * The embedded directory: the port it listens on (on this machine only), the LDIF it starts from when it has
     * no file of its own yet, and that file (empty: nothing kept, as in the tests).
     */
    public record Embedded(
            @DefaultValue("10389") int port,
            @DefaultValue("127.0.0.1") String listenAddress,
            @DefaultValue("classpath:directory/demo.ldif") String seed,
            @DefaultValue("./data/directory.ldif") String dataFile) {
    }
}
