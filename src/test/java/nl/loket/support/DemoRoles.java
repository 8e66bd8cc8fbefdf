package nl.loket.support;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import nl.loket.security.Roles;

/** A demo user for each role (password "demo"), with the roles the demo data gives them: the access matrix's rows. */
public final class DemoRoles {

    public static final Map<String, Set<String>> USERS;

    static {
        Map<String, Set<String>> users = new LinkedHashMap<>();
        users.put("emma", Set.of(Roles.EMPLOYEE));
        users.put("mark", Set.of(Roles.EMPLOYEE, Roles.APPROVER));
        users.put("frank", Set.of(Roles.EMPLOYEE, Roles.FULFILLER));
        users.put("ada", Set.of(Roles.EMPLOYEE, Roles.PROCESS_ADMIN));
        USERS = java.util.Collections.unmodifiableMap(users);
    }

    private DemoRoles() {
    }
}
