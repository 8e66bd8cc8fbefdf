package nl.loket.inbox;

import java.time.Instant;

/**
 * What the inbox shows: whose tasks, narrowed by request type, requester, priority, due date and how long they
 * have waited, in an order. Null means "any".
 *
 * @param minPriority  tasks with at least this priority (Camunda's 0–100; 50 is normal)
 * @param dueBefore    tasks due before this moment
 * @param waitingSince tasks created before this moment ("waiting longer than")
 */
public record InboxFilter(Scope scope, String requestType, String requester, Integer minPriority, Instant dueBefore,
                          Instant waitingSince, Sort sort) {

    /** Whose tasks. */
    public enum Scope {
        /** Assigned to me. */
        MINE,
        /** Offered to me or one of my groups, not yet taken by anyone. */
        GROUP,
        /** Both. */
        ALL
    }

    public enum Sort {
        OLDEST_FIRST, NEWEST_FIRST, DUE_FIRST, PRIORITY_FIRST
    }

    public static InboxFilter all() {
        return new InboxFilter(Scope.ALL, null, null, null, null, null, Sort.OLDEST_FIRST);
    }

    public InboxFilter withScope(Scope newScope) {
        return new InboxFilter(newScope, requestType, requester, minPriority, dueBefore, waitingSince, sort);
    }

    public InboxFilter withSort(Sort newSort) {
        return new InboxFilter(scope, requestType, requester, minPriority, dueBefore, waitingSince, newSort);
    }
}
