package nl.loket.workflow;

import java.time.Instant;
import java.util.Set;

/** A user task as Loket's inbox sees it, free of engine types. */
public record WorkTask(String id, String name, String taskDefinitionKey, String processDefinitionKey,
                       String processInstanceId, String businessKey, String assignee,
                       Set<String> candidateUsers, Set<String> candidateGroups, Instant created, int priority,
                       Instant due, Instant followUp) {

    /** May this user see and work on the task: assigned to them, or offered to them or one of their groups. */
    public boolean isOfferedTo(String username, Set<String> groups) {
        if (assignee != null) {
            return assignee.equals(username);
        }
        return candidateUsers.contains(username) || candidateGroups.stream().anyMatch(groups::contains);
    }
}
