package nl.loket.inbox;

/** The task does not exist, is done, or is not the caller's to see or work on. One message for all, on purpose. */
public class TaskNotAvailableException extends RuntimeException {

    public TaskNotAvailableException(String taskId) {
        super("Task " + taskId + " is not available to the current user");
    }
}
