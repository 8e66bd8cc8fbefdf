package nl.loket.workflow;

import java.time.Instant;

/**
 * One step of a request's history, for its timeline: a step of its process, or what the requester did to the request
 * itself (withdrawing it).
 *
 * @param activityName the step's name in the model, or null when the modeller left it unnamed
 * @param cancelled the step was ended before it was done (its request was withdrawn): nobody did it
 * @param note      what goes with it, e.g. the reason for a withdrawal; null if nothing
 */
public record TimelineEntry(String activityId, String activityName, Kind kind, String assignee,
                            Instant started, Instant ended, boolean cancelled, String note) {

    public enum Kind { START, USER_TASK, SERVICE_TASK, DECISION, GATEWAY, END, OTHER, WITHDRAWN }

    /** The requester's withdrawal of the request, as the last entry of its timeline. */
    public static TimelineEntry withdrawn(String requester, Instant when, String reason) {
        return new TimelineEntry("withdrawn", "Withdrawn", Kind.WITHDRAWN, requester, when, when, false, reason);
    }

    public boolean isFinished() {
        return ended != null;
    }
}
