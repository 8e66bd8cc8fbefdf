package nl.loket.environment;

import nl.loket.inbox.ApprovalOutcome;
import nl.loket.request.RequestVariables;
import nl.loket.workflow.ProcessVariable;

/** The contract of processes/environment-lease-extension.bpmn. */
public final class LeaseExtensionProcess {

    public static final String KEY = "environment-lease-extension";

    public static final String START = "StartEvent_ExtensionRequested";
    public static final String APPROVE = "UserTask_ApproveExtension";
    public static final String EXTEND = "ServiceTask_ExtendLease";
    public static final String END_EXTENDED = "EndEvent_Extended";
    public static final String RECORD_REJECTION = "ServiceTask_RecordRejection";
    public static final String END_REJECTED = "EndEvent_Rejected";

    public static final ProcessVariable<Long> REQUEST_ID = RequestVariables.REQUEST_ID;
    public static final ProcessVariable<String> REQUESTER = RequestVariables.REQUESTER;
    /** The tenant owner; null sends the approval to the approver group (when the owner asked it). */
    public static final ProcessVariable<String> APPROVER = RequestVariables.APPROVER;
    public static final ProcessVariable<Long> ENVIRONMENT_ID = EnvironmentProcess.ENVIRONMENT_ID;
    public static final ProcessVariable<Boolean> APPROVED = ApprovalOutcome.APPROVED;
    public static final ProcessVariable<String> REJECTION_REASON = ApprovalOutcome.REJECTION_REASON;

    private LeaseExtensionProcess() {
    }
}
