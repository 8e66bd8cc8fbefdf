package nl.loket.workflow;

/**
 * The task was completed, taken or ended by someone else first (two people at once: exactly one wins).
 * {@code handledBy} is who did, when the engine's history knows.
 */
public class TaskAlreadyHandledException extends RuntimeException {

    private final String taskId;
    private final String handledBy;

    public TaskAlreadyHandledException(String taskId, String handledBy) {
        super("Task " + taskId + " was already handled" + (handledBy == null ? "" : " by " + handledBy));
        this.taskId = taskId;
        this.handledBy = handledBy;
    }

    public String taskId() {
        return taskId;
    }

    /** Username, or null. */
    public String handledBy() {
        return handledBy;
    }
}
