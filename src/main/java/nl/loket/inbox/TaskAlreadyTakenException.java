package nl.loket.inbox;

/** Someone else completed or took the task first; the user is told who, and whether it is still open with them. */
public class TaskAlreadyTakenException extends RuntimeException {

    private final String handledByName;
    private final boolean stillOpen;

    public TaskAlreadyTakenException(String taskId, String handledByName) {
        this(taskId, handledByName, false);
    }

    /** @param stillOpen the task is not done: a colleague has taken it */
    public TaskAlreadyTakenException(String taskId, String handledByName, boolean stillOpen) {
        super("Task " + taskId + (stillOpen ? " was taken by " : " was already handled by ") + handledByName);
        this.handledByName = handledByName;
        this.stillOpen = stillOpen;
    }

    /** The display name of who handled it, or null if unknown. */
    public String handledByName() {
        return handledByName;
    }

    public boolean stillOpen() {
        return stillOpen;
    }
}
