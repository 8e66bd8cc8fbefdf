package nl.loket.inbox;

import nl.loket.workflow.ProcessVariable;

/** The variables every approval task in Loket completes with; processes route on them. */
public final class ApprovalOutcome {

    public static final ProcessVariable<Boolean> APPROVED = new ProcessVariable<>("approved", Boolean.class);
    public static final ProcessVariable<String> REJECTION_REASON = new ProcessVariable<>("rejectionReason", String.class);
    public static final ProcessVariable<String> DECIDED_BY = new ProcessVariable<>("decidedBy", String.class);

    public static final int REASON_MAX_LENGTH = 2000;

    private ApprovalOutcome() {
    }
}
