package nl.loket.environment;

import java.util.List;

import nl.loket.inbox.ApprovalOutcome;
import nl.loket.request.RequestVariables;
import nl.loket.workflow.ProcessVariable;

/** The contract of processes/environment.bpmn: its key, element ids, messages and typed variables. */
public final class EnvironmentProcess {

    public static final String KEY = "environment";
    public static final String APPROVAL_DECISION = "environment-approval";
    /** The decision's output: a role that must approve, or {@link #REFUSE}. */
    public static final String APPROVAL_OUTPUT = "approval";

    public static final String START = "StartEvent_EnvironmentRequested";
    public static final String DETERMINE_APPROVALS = "BusinessRuleTask_DetermineApprovals";
    public static final String APPROVE = "UserTask_ApproveEnvironment";
    public static final String RECORD_REFUSAL = "ServiceTask_RecordRefusal";
    public static final String END_REFUSED = "EndEvent_Refused";
    public static final String RECORD_REJECTION = "ServiceTask_RecordRejection";
    public static final String END_REJECTED = "EndEvent_Rejected";
    public static final String PROVISION = "ServiceTask_Provision";
    public static final String WAIT_FOR_PROVIDER = "IntermediateEvent_WaitForProvider";
    public static final String CHECK_PROVISIONING = "ServiceTask_CheckProvisioning";
    public static final String WAIT_FOR_EVENT = "Gateway_WaitForEvent";
    public static final String SCHEDULE_CHANGE = "IntermediateEvent_ScheduleChange";
    public static final String APPLY_SCHEDULE = "ServiceTask_ApplySchedule";
    public static final String LEASE_MILESTONE = "IntermediateEvent_LeaseMilestone";
    public static final String HANDLE_LEASE_MILESTONE = "ServiceTask_HandleLeaseMilestone";
    public static final String ENVIRONMENT_CHANGED = "IntermediateEvent_EnvironmentChanged";
    public static final String DELETE_REQUESTED = "IntermediateEvent_DeleteRequested";
    public static final String DELETE = "ServiceTask_Delete";
    public static final String END_DELETED = "EndEvent_Deleted";

    public static final String MSG_ENVIRONMENT_CHANGED = "Msg_EnvironmentChanged";
    public static final String MSG_DELETE_REQUESTED = "Msg_DeleteRequested";

    /** Outputs of the approval decision (collected into {@link #APPROVALS}). */
    public static final String REFUSE = "refuse";
    public static final String PRIVACY_OWNER = "privacy-owner";
    public static final String TENANT_OWNER = "tenant-owner";

    public static final ProcessVariable<Long> REQUEST_ID = RequestVariables.REQUEST_ID;
    public static final ProcessVariable<String> REQUESTER = RequestVariables.REQUESTER;
    public static final ProcessVariable<Long> ENVIRONMENT_ID = new ProcessVariable<>("environmentId", Long.class);
    public static final ProcessVariable<String> TENANT = new ProcessVariable<>("tenant", String.class);
    /** Decision inputs, fixed at submission. */
    public static final ProcessVariable<String> STAGE = new ProcessVariable<>("stage", String.class);
    public static final ProcessVariable<Boolean> PRODUCTION_DATA = new ProcessVariable<>("productionData", Boolean.class);
    public static final ProcessVariable<Boolean> OVER_BUDGET = new ProcessVariable<>("overBudget", Boolean.class);
    public static final ProcessVariable<Double> OVERRUN_PERCENT = new ProcessVariable<>("overrunPercent", Double.class);
    /** The decision's result: who must approve, in order ({@link #PRIVACY_OWNER}, {@link #TENANT_OWNER}), or refuse. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    public static final ProcessVariable<List<String>> APPROVALS = new ProcessVariable("approvals", List.class);
    /** The multi-instance approval's element: the role approving in this round. */
    public static final ProcessVariable<String> APPROVAL_ROLE = new ProcessVariable<>("approvalRole", String.class);
    public static final ProcessVariable<Boolean> APPROVED = ApprovalOutcome.APPROVED;
    public static final ProcessVariable<String> REJECTION_REASON = ApprovalOutcome.REJECTION_REASON;
    public static final ProcessVariable<Boolean> PROVISIONED = new ProcessVariable<>("provisioned", Boolean.class);
    public static final ProcessVariable<Boolean> LEASE_OVER = new ProcessVariable<>("leaseOver", Boolean.class);

    private EnvironmentProcess() {
    }
}
