package nl.loket.request;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Where open requests stand now: the steps people are working on. Implemented by the inbox, which knows the open
 * tasks; the request feature only asks.
 */
public interface RequestProgress {

    /**
     * A step someone has to take.
     *
     * @param assignee     who has it (username), or null
     * @param assigneeName who has it, or null
     * @param groups       the groups it is offered to while nobody has it
     * @param due          when the model says it should be done (e.g. when the approver is reminded), or null
     */
    record CurrentStep(String processKey, String taskKey, String taskName, String assignee, String assigneeName,
                       List<String> groups,
                       Instant since, Instant due) {
    }

    /** The open steps of these requests, by request id; requests without any are left out. */
    Map<Long, List<CurrentStep>> currentSteps(Collection<Long> requestIds);
}
