package nl.loket.security;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.loket.directory.DirectoryProperties;
import nl.loket.directory.Person;
import org.springframework.stereotype.Component;

/** Loket's roles from directory groups, as mapped in {@code loket.directory.role-groups}. */
@Component
class DirectoryRoles {

    /** Role id → the directory group whose members have it. */
    private final Map<String, String> groupOfRole;

    DirectoryRoles(DirectoryProperties config) {
        DirectoryProperties.RoleGroups groups = config.roleGroups();
        Map<String, String> map = new LinkedHashMap<>();
        map.put(Roles.EMPLOYEE, groups.employee());
        map.put(Roles.APPROVER, groups.approver());
        map.put(Roles.FULFILLER, groups.fulfiller());
        map.put(Roles.PROCESS_ADMIN, groups.processAdmin());
        this.groupOfRole = Map.copyOf(map);
    }

    Set<String> rolesOf(Person person) {
        return groupOfRole.entrySet().stream()
                .filter(role -> person.groups().stream().anyMatch(group -> group.equalsIgnoreCase(role.getValue())))
                .map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }

    /**
     * The person's groups that are not role groups (software groups and others), as far as the engine takes their
     * names as group ids: letters, digits, '.', '_' and '-' (a name with spaces stays in the directory only).
     */
    java.util.SortedSet<String> otherGroups(Person person) {
        return person.groups().stream()
                .filter(group -> groupOfRole.values().stream().noneMatch(group::equalsIgnoreCase))
                .filter(group -> ENGINE_GROUP_ID.matcher(group).matches())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /** Group ids the engine accepts for directory groups (application.yaml, groupResourceWhitelistPattern). */
    static final java.util.regex.Pattern ENGINE_GROUP_ID = java.util.regex.Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    Set<String> groupsFor(Set<String> roles) {
        return roles.stream().map(groupOfRole::get).filter(java.util.Objects::nonNull)
                .collect(Collectors.toUnmodifiableSet());
    }
}
