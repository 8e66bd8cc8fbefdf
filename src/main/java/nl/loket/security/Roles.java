package nl.loket.security;

import java.util.List;

/**
 * The one definition of Loket's roles. Each id is at once a Spring Security role ({@code ROLE_<id>}) and a
 * Camunda group id, so BPMN candidate groups, {@code @RolesAllowed} and the engine's identity agree. Ids are
 * letters only (Camunda refuses other characters in group ids), apart from Camunda's own admin group.
 */
public final class Roles {

    public static final String EMPLOYEE = "employee";
    public static final String APPROVER = "approver";
    public static final String FULFILLER = "fulfiller";
    /** Camunda's own administrators group: its members are the engine's admins (and Cockpit needs one to exist). */
    public static final String PROCESS_ADMIN = "camunda-admin";

    public static final List<String> ALL = List.of(EMPLOYEE, APPROVER, FULFILLER, PROCESS_ADMIN);

    private static final String AUTHORITY_PREFIX = "ROLE_";

    private Roles() {
    }

    public static String authority(String role) {
        return AUTHORITY_PREFIX + role;
    }

    /** The role id of a Spring authority, or {@code null} if the authority is not a role. */
    public static String fromAuthority(String authority) {
        return authority.startsWith(AUTHORITY_PREFIX) ? authority.substring(AUTHORITY_PREFIX.length()) : null;
    }
}
