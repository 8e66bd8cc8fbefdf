package nl.loket.directory;

import nl.loket.workflow.ProcessVariable;

/**
 * The contract of the "Add to directory group" and "Remove from directory group" steps, a building block for any
 * request type (element templates in {@code element-templates/directory-groups.json},
 * docs/adding-a-request-type.md): the step's input parameters name the group and the person, its output says
 * whether anything changed.
 */
public final class DirectoryGroupStep {

    public static final String ADD_TEMPLATE = "nl.loket.directory.add-to-group";
    public static final String REMOVE_TEMPLATE = "nl.loket.directory.remove-from-group";
    public static final String ADD_DELEGATE = "addToDirectoryGroupDelegate";
    public static final String REMOVE_DELEGATE = "removeFromDirectoryGroupDelegate";

    /** Input: the group's name in the directory (its cn). Required. */
    public static final ProcessVariable<String> GROUP = new ProcessVariable<>("directoryGroup", String.class);
    /** Input: whose membership (the templates fill in {@code ${requester}}, the request's requester). Required. */
    public static final ProcessVariable<String> USER = new ProcessVariable<>("directoryUser", String.class);
    /** Output (local to the step): whether the membership changed (false: it was so already). */
    public static final ProcessVariable<Boolean> CHANGED = new ProcessVariable<>("directoryGroupChanged", Boolean.class);

    private DirectoryGroupStep() {
    }

    static String group(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        String group = GROUP.fromOrNull(execution);
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("The step " + execution.getCurrentActivityId()
                    + " has no input parameter " + GROUP.name() + " (the directory group)");
        }
        return group.strip();
    }

    static String user(org.camunda.bpm.engine.delegate.DelegateExecution execution) {
        String user = USER.fromOrNull(execution);
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("The step " + execution.getCurrentActivityId()
                    + " has no input parameter " + USER.name() + " (the person), or it is empty");
        }
        return user.strip();
    }
}
