package nl.loket.workflow;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the engine's identity tables in step with Loket's users and roles, so Cockpit, Tasklist, comments and
 * candidate groups know the same people. Loket's own tables stay the source of truth; the engine's copy gets a
 * random password because nobody logs in to the engine directly (single sign-on goes through Spring Security).
 */
@Service
public class EngineIdentitySync {

    private static final Logger log = LoggerFactory.getLogger(EngineIdentitySync.class);

    private final IdentityService identityService;

    EngineIdentitySync(IdentityService identityService) {
        this.identityService = identityService;
    }

    @Transactional
    public void ensureGroups(Collection<String> groupIds) {
        for (String groupId : groupIds) {
            if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
                Group group = identityService.newGroup(groupId);
                group.setName(groupId);
                group.setType("WORKFLOW");
                identityService.saveGroup(group);
            }
        }
    }

    @Transactional
    public void syncUser(String username, String displayName, String email, Set<String> groupIds) {
        User user = identityService.createUserQuery().userId(username).singleResult();
        if (user == null) {
            user = identityService.newUser(username);
            user.setPassword(UUID.randomUUID().toString());
        }
        user.setFirstName(displayName);
        user.setLastName("");
        user.setEmail(email);
        identityService.saveUser(user);

        ensureGroups(groupIds);
        Set<String> current = Set.copyOf(identityService.createGroupQuery().groupMember(username).list().stream()
                .map(Group::getId).toList());
        for (String groupId : groupIds) {
            if (!current.contains(groupId)) {
                identityService.createMembership(username, groupId);
            }
        }
        for (String groupId : current) {
            if (!groupIds.contains(groupId)) {
                identityService.deleteMembership(username, groupId);
            }
        }
        log.debug("Synced user {} into the engine with groups {}", username, groupIds);
    }
}
