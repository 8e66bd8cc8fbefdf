package nl.loket.directory;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.ExtendedResult;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.SearchResult;
import com.unboundid.ldap.sdk.SearchResultEntry;
import com.unboundid.ldap.sdk.SearchScope;
import com.unboundid.ldap.sdk.extensions.PasswordModifyExtendedRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Directory} on an LDAP server (embedded, OpenLDAP or Active Directory) through UnboundID's connection
 * pool, bound as Loket's service account. Every filter is built with UnboundID's {@link Filter} factory methods,
 * which escape the values: a username such as {@code *)(uid=*} is looked up as those characters, never as a filter.
 */
final class LdapDirectory implements Directory {

    private static final Logger log = LoggerFactory.getLogger(LdapDirectory.class);
    /** OpenLDAP's password policy: this value in pwdAccountLockedTime locks the account until an admin unlocks it. */
    static final String LOCKED_FOR_GOOD = "000001010000Z";
    static final String LOCKED_TIME = "pwdAccountLockedTime";
    static final String AD_ACCOUNT_CONTROL = "userAccountControl";
    static final String AD_LOCKOUT_TIME = "lockoutTime";
    static final int AD_ACCOUNT_DISABLED = 0x2;

    private final LDAPConnectionPool pool;
    private final DirectoryProperties config;
    private final DirectoryProperties.Attributes attributes;
    private final String peopleBase;
    private final String groupBase;

    LdapDirectory(LDAPConnectionPool pool, DirectoryProperties config) {
        this.pool = pool;
        this.config = config;
        this.attributes = config.attributes();
        this.peopleBase = under(config.userBase(), config.baseDn());
        this.groupBase = under(config.groupBase(), config.baseDn());
    }

    static String under(String relative, String base) {
        return relative == null || relative.isBlank() ? base : relative + "," + base;
    }

    // --- people ---

    @Override
    public Optional<Person> find(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return onePerson(Filter.createEqualityFilter(attributes.username(), username));
    }

    @Override
    public Optional<Person> findByMail(String mail) {
        if (mail == null || mail.isBlank()) {
            return Optional.empty();
        }
        return onePerson(Filter.createEqualityFilter(attributes.mail(), mail));
    }

    private Optional<Person> onePerson(Filter which) {
        List<SearchResultEntry> entries = search(peopleBase, person(which), personAttributes());
        if (entries.size() != 1) {
            return Optional.empty();
        }
        Entry entry = entries.get(0);
        return Optional.of(toPerson(entry, managerUsername(entry, Map.of()), groupsOfDn(entry.getDN())));
    }

    @Override
    public List<Person> people() {
        List<SearchResultEntry> entries = search(peopleBase, person(null), personAttributes());
        Map<String, String> usernames = new HashMap<>();
        for (Entry entry : entries) {
            usernames.put(normal(entry.getDN()), entry.getAttributeValue(attributes.username()));
        }
        Map<String, Set<String>> groups = new HashMap<>();
        for (SearchResultEntry group : search(groupBase, Filter.createEqualityFilter("objectClass",
                config.groupObjectClass()), attributes.groupName(), config.memberAttribute())) {
            String name = group.getAttributeValue(attributes.groupName());
            String[] members = group.getAttributeValues(config.memberAttribute());
            for (String member : members == null ? new String[0] : members) {
                groups.computeIfAbsent(normal(member), dn -> new HashSet<>()).add(name);
            }
        }
        List<Person> people = new ArrayList<>();
        for (Entry entry : entries) {
            people.add(toPerson(entry, managerUsername(entry, usernames),
                    groups.getOrDefault(normal(entry.getDN()), Set.of())));
        }
        return people;
    }

    private Filter person(Filter which) {
        Filter objectClass = Filter.createEqualityFilter("objectClass", config.userObjectClass());
        return which == null ? objectClass : Filter.createANDFilter(objectClass, which);
    }

    private String[] personAttributes() {
        return new String[] {attributes.username(), attributes.displayName(), attributes.mail(), attributes.manager(),
                attributes.department(), attributes.title(), attributes.preferredLanguage(), LOCKED_TIME,
                AD_ACCOUNT_CONTROL, AD_LOCKOUT_TIME};
    }

    private Person toPerson(Entry entry, String manager, Set<String> groups) {
        return new Person(entry.getAttributeValue(attributes.username()), entry.getDN(),
                entry.getAttributeValue(attributes.displayName()), entry.getAttributeValue(attributes.mail()),
                manager, entry.getAttributeValue(attributes.department()), entry.getAttributeValue(attributes.title()),
                entry.getAttributeValue(attributes.preferredLanguage()), !locked(entry), Set.copyOf(groups));
    }

    /** The username of the manager the entry points to: from the list at hand, else read from their entry. */
    private String managerUsername(Entry entry, Map<String, String> usernames) {
        String managerDn = entry.getAttributeValue(attributes.manager());
        if (managerDn == null) {
            return null;
        }
        String known = usernames.get(normal(managerDn));
        if (known != null) {
            return known;
        }
        try {
            SearchResultEntry manager = pool.getEntry(managerDn, attributes.username());
            return manager == null ? null : manager.getAttributeValue(attributes.username());
        } catch (LDAPException e) {
            log.warn("Manager {} of {} could not be read: {}", managerDn, entry.getDN(), e.getResultCode());
            return null;
        }
    }

    private boolean locked(Entry entry) {
        if (config.kind() == DirectoryKind.ACTIVE_DIRECTORY) {
            Integer control = entry.getAttributeValueAsInteger(AD_ACCOUNT_CONTROL);
            Long lockout = entry.getAttributeValueAsLong(AD_LOCKOUT_TIME);
            return (control != null && (control & AD_ACCOUNT_DISABLED) != 0) || (lockout != null && lockout > 0);
        }
        return entry.hasAttribute(LOCKED_TIME);
    }

    @Override
    public boolean authenticate(String username, String password) {
        if (password == null || password.isEmpty()) {
            // an empty password is an unauthenticated bind, which LDAP servers answer with success
            return false;
        }
        Optional<String> dn = dnOf(username);
        if (dn.isEmpty()) {
            return false;
        }
        try {
            pool.bindAndRevertAuthentication(dn.get(), password);
            return true;
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.INVALID_CREDENTIALS) {
                return false;
            }
            throw failure("Bind of " + dn.get() + " failed", e);
        }
    }

    // --- groups ---

    @Override
    public Set<String> groupsOf(String username) {
        return dnOf(username).map(this::groupsOfDn).orElse(Set.of());
    }

    private Set<String> groupsOfDn(String dn) {
        Set<String> names = new HashSet<>();
        for (SearchResultEntry group : search(groupBase, Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", config.groupObjectClass()),
                Filter.createEqualityFilter(config.memberAttribute(), dn)), attributes.groupName())) {
            names.add(group.getAttributeValue(attributes.groupName()));
        }
        return names;
    }

    @Override
    public boolean addToGroup(String username, String group) {
        String member = dnOf(username).orElseThrow(() -> new UnknownEntryException("person", username));
        String groupDn = groupDn(group);
        if (isMember(groupDn, member)) {
            return false;
        }
        try {
            pool.modify(groupDn, new Modification(ModificationType.ADD, config.memberAttribute(), member));
            log.info("Added {} to directory group {}", username, group);
            return true;
        } catch (LDAPException e) {
            // a concurrent add got there first: OpenLDAP answers 20, Active Directory 68
            if (e.getResultCode() == ResultCode.ATTRIBUTE_OR_VALUE_EXISTS
                    || e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                return false;
            }
            throw failure("Adding " + username + " to " + group + " failed", e);
        }
    }

    @Override
    public boolean removeFromGroup(String username, String group) {
        Optional<String> member = dnOf(username);
        if (member.isEmpty()) {
            return false;
        }
        String groupDn = groupDn(group);
        if (!isMember(groupDn, member.get())) {
            return false;
        }
        try {
            pool.modify(groupDn, new Modification(ModificationType.DELETE, config.memberAttribute(), member.get()));
            log.info("Removed {} from directory group {}", username, group);
            return true;
        } catch (LDAPException e) {
            // a concurrent remove got there first: OpenLDAP answers 16, Active Directory 53
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE
                    || e.getResultCode() == ResultCode.UNWILLING_TO_PERFORM) {
                return false;
            }
            throw failure("Removing " + username + " from " + group + " failed", e);
        }
    }

    private boolean isMember(String groupDn, String memberDn) {
        try {
            return pool.compare(groupDn, config.memberAttribute(), memberDn).compareMatched();
        } catch (LDAPException e) {
            throw failure("Membership of " + memberDn + " in " + groupDn + " could not be read", e);
        }
    }

    private String groupDn(String group) {
        List<SearchResultEntry> groups = search(groupBase, Filter.createANDFilter(
                Filter.createEqualityFilter("objectClass", config.groupObjectClass()),
                Filter.createEqualityFilter(attributes.groupName(), group)), "1.1");
        if (groups.size() != 1) {
            throw new UnknownEntryException("group", group);
        }
        return groups.get(0).getDN();
    }

    // --- passwords and locks ---

    @Override
    public void setPassword(String username, String newPassword) {
        String dn = dnOf(username).orElseThrow(() -> new UnknownEntryException("person", username));
        try {
            if (config.kind() == DirectoryKind.ACTIVE_DIRECTORY) {
                // AD takes a new password only as unicodePwd: the password in quotes, UTF-16LE, over LDAPS
                byte[] quoted = ("\"" + newPassword + "\"").getBytes(StandardCharsets.UTF_16LE);
                pool.modify(dn, new Modification(ModificationType.REPLACE, "unicodePwd", quoted));
            } else {
                ExtendedResult result = pool.processExtendedOperation(
                        new PasswordModifyExtendedRequest(dn, null, newPassword));
                if (result.getResultCode() != ResultCode.SUCCESS) {
                    throw new LDAPException(result);
                }
            }
            log.info("Password of {} set in the directory", username);
        } catch (LDAPException e) {
            throw failure("Setting the password of " + username + " failed", e);
        }
    }

    @Override
    public boolean isLocked(String username) {
        return find(username).map(person -> !person.enabled())
                .orElseThrow(() -> new UnknownEntryException("person", username));
    }

    @Override
    public void lock(String username) {
        String dn = dnOf(username).orElseThrow(() -> new UnknownEntryException("person", username));
        try {
            if (config.kind() == DirectoryKind.ACTIVE_DIRECTORY) {
                pool.modify(dn, new Modification(ModificationType.REPLACE, AD_ACCOUNT_CONTROL,
                        String.valueOf(accountControl(dn) | AD_ACCOUNT_DISABLED)));
            } else {
                pool.modify(dn, new Modification(ModificationType.REPLACE, LOCKED_TIME, LOCKED_FOR_GOOD));
            }
            log.info("Locked {} in the directory", username);
        } catch (LDAPException e) {
            throw failure("Locking " + username + " failed", e);
        }
    }

    @Override
    public void unlock(String username) {
        String dn = dnOf(username).orElseThrow(() -> new UnknownEntryException("person", username));
        try {
            if (config.kind() == DirectoryKind.ACTIVE_DIRECTORY) {
                pool.modify(dn, new Modification(ModificationType.REPLACE, AD_LOCKOUT_TIME, "0"),
                        new Modification(ModificationType.REPLACE, AD_ACCOUNT_CONTROL,
                                String.valueOf(accountControl(dn) & ~AD_ACCOUNT_DISABLED)));
            } else {
                pool.modify(dn, new Modification(ModificationType.DELETE, LOCKED_TIME));
            }
            log.info("Unlocked {} in the directory", username);
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_ATTRIBUTE) {
                return;
            }
            throw failure("Unlocking " + username + " failed", e);
        }
    }

    private int accountControl(String dn) throws LDAPException {
        SearchResultEntry entry = pool.getEntry(dn, AD_ACCOUNT_CONTROL);
        Integer control = entry == null ? null : entry.getAttributeValueAsInteger(AD_ACCOUNT_CONTROL);
        return control == null ? 0 : control;
    }

    // --- adding people (embedded only) ---

    @Override
    public boolean canAddPeople() {
        return config.kind() == DirectoryKind.EMBEDDED;
    }

    @Override
    public boolean addPersonIfAbsent(NewPerson person) {
        if (!canAddPeople()) {
            throw new UnsupportedOperationException("People are added to this directory by its own administrators");
        }
        if (dnOf(person.username()).isPresent()) {
            return false;
        }
        String dn = new DN(new RDN(attributes.username(), person.username()), parse(peopleBase)).toString();
        List<Attribute> values = new ArrayList<>(List.of(
                new Attribute("objectClass", "top", "person", "organizationalPerson", config.userObjectClass(),
                        "loketPerson"),
                new Attribute(attributes.username(), person.username()),
                new Attribute(attributes.displayName(), person.displayName()),
                new Attribute("sn", surname(person.displayName())),
                new Attribute("userPassword", person.password())));
        if (person.email() != null) {
            values.add(new Attribute(attributes.mail(), person.email()));
        }
        if (person.managerUsername() != null) {
            dnOf(person.managerUsername()).ifPresent(manager -> values.add(new Attribute(attributes.manager(), manager)));
        }
        try {
            pool.add(new Entry(dn, values));
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.ENTRY_ALREADY_EXISTS) {
                return false;
            }
            throw failure("Adding " + person.username() + " failed", e);
        }
        for (String group : person.groups()) {
            addToGroup(person.username(), group);
        }
        log.info("Added {} to the embedded directory", person.username());
        return true;
    }

    private static String surname(String displayName) {
        String name = displayName == null ? "" : displayName.strip();
        int space = name.lastIndexOf(' ');
        return space < 0 ? (name.isEmpty() ? "-" : name) : name.substring(space + 1);
    }

    // --- plumbing ---

    private Optional<String> dnOf(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        List<SearchResultEntry> entries = search(peopleBase,
                person(Filter.createEqualityFilter(attributes.username(), username)), "1.1");
        return entries.size() == 1 ? Optional.of(entries.get(0).getDN()) : Optional.empty();
    }

    private List<SearchResultEntry> search(String base, Filter filter, String... returned) {
        try {
            SearchResult result = pool.search(base, SearchScope.SUB, filter, returned);
            return result.getSearchEntries();
        } catch (LDAPException e) {
            if (e.getResultCode() == ResultCode.NO_SUCH_OBJECT) {
                return List.of();
            }
            throw failure("Search under " + base + " for " + filter + " failed", e);
        }
    }

    private static DN parse(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("Not a DN: " + dn, e);
        }
    }

    /** A DN in one spelling (case and spaces as the directory compares them), to match member values to entries. */
    private static String normal(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            return dn.toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static DirectoryException failure(String what, LDAPException e) {
        return new DirectoryException(what + ": " + e.getResultCode() + " " + e.getDiagnosticMessage(), e);
    }
}
