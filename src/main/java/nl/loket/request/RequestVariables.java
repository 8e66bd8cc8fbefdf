package nl.loket.request;

import nl.loket.workflow.ProcessVariable;

/** The variables Loket gives every request process it starts. */
public final class RequestVariables {

    public static final ProcessVariable<Long> REQUEST_ID = new ProcessVariable<>("requestId", Long.class);
    public static final ProcessVariable<String> REQUESTER = new ProcessVariable<>("requester", String.class);
    /** The requester's manager, or null. */
    public static final ProcessVariable<String> APPROVER = new ProcessVariable<>("approver", String.class);

    private RequestVariables() {
    }
}
