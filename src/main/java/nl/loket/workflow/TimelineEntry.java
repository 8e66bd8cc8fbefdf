package nl.loket.workflow;

import java.time.Instant;

/** One step of a process instance's history, for the requester's timeline. */
public record TimelineEntry(String activityId, String activityName, Kind kind, String assignee,
                            Instant started, Instant ended) {

    public enum Kind { START, USER_TASK, SERVICE_TASK, DECISION, GATEWAY, END, OTHER }

    public boolean isFinished() {
        return ended != null;
    }
}
