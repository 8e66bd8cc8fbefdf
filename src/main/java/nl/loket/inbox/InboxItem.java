package nl.loket.inbox;

import java.time.Instant;
import java.util.List;

import nl.loket.request.Request;
import nl.loket.request.RequestFact;

/**
 * A task in someone's inbox together with the request it belongs to.
 *
 * @param assignee who has the task (null: offered to a group or to candidates, nobody has taken it)
 * @param priority Camunda's task priority, 0–100 (50 is normal)
 * @param due      when it should be done, or null
 * @param followUp when its holder wants to look at it again, or null
 */
public record InboxItem(String taskId, String taskName, String taskKey, Request request, String requesterName,
                        boolean assignedToMe, Instant created, List<RequestFact> facts, String assignee, int priority,
                        Instant due, Instant followUp) {

    /** Nobody has taken it yet: it is offered to a group. */
    public boolean isGroupTask() {
        return assignee == null;
    }
}
