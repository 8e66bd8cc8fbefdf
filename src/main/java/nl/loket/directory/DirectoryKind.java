package nl.loket.directory;

/** Which directory Loket talks to; each differs in how it locks accounts and sets passwords (docs/directory.md). */
public enum DirectoryKind {
    /** UnboundID's in-memory directory inside Loket, seeded from an LDIF file: the demo and test default. */
    EMBEDDED,
    /** An LDAP v3 server such as OpenLDAP: RFC 3062 password modify, {@code pwdAccountLockedTime} for locks. */
    LDAP,
    /** Active Directory: {@code unicodePwd} over LDAPS, {@code userAccountControl} for disabled accounts. */
    ACTIVE_DIRECTORY
}
