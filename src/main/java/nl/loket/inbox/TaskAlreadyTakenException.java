package nl.loket.inbox;

/** Someone else completed or took the task first; the user is told who. */
public class TaskAlreadyTakenException extends RuntimeException {

    private final String handledByName;

    public TaskAlreadyTakenException(String taskId, String handledByName) {
        super("Task " + taskId + " was already handled by " + handledByName);
        this.handledByName = handledByName;
    }

    /** The display name of who handled it, or null if unknown. */
    public String handledByName() {
        return handledByName;
    }
}
