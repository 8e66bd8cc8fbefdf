package nl.loket.access;


import nl.loket.inbox.ApprovalOutcome;
import nl.loket.request.RequestVariables;
import nl.loket.workflow.ProcessVariable;

/** The contract of processes/software-access.bpmn: its key, element ids and typed variables. */
public final class SoftwareAccessProcess {

    public static final String KEY = "software-access";
    public static final String APPROVAL_DECISION = "software-access-approval";

    public static final String START = "StartEvent_RequestSubmitted";
    public static final String DETERMINE_APPROVAL = "BusinessRuleTask_DetermineApproval";
    public static final String APPROVE_REQUEST = "UserTask_ApproveRequest";
    /** Routes on {@link #MANUAL_FULFILMENT}: the grant step on its own, or an IT fulfiller's task first. */
    public static final String MANUAL_FULFILMENT_GATEWAY = "Gateway_ManualFulfilment";
    /** The {@code fulfiller} group's task for a product that cannot be granted automatically. */
    public static final String FULFIL_MANUALLY = "UserTask_FulfilManually";
    public static final String FULFIL_FORM = "software-access-fulfil";
    public static final String FULFILLED_GATEWAY = "Gateway_Fulfilled";
    public static final String RECORD_NOT_FULFILLED = "ServiceTask_RecordNotFulfilled";
    public static final String END_NOT_FULFILLED = "EndEvent_NotFulfilled";
    public static final String GRANT_ACCESS = "ServiceTask_GrantAccess";
    public static final String RECORD_REJECTION = "ServiceTask_RecordRejection";
    public static final String END_GRANTED = "EndEvent_AccessGranted";
    public static final String END_REJECTED = "EndEvent_RequestRejected";
    public static final String TIMER_REMIND = "BoundaryEvent_RemindApprover";
    public static final String SEND_REMINDER = "ServiceTask_SendReminder";
    public static final String END_REMINDED = "EndEvent_ReminderSent";
    public static final String TIMER_ESCALATE = "BoundaryEvent_EscalateApproval";
    public static final String ESCALATE = "ServiceTask_EscalateApproval";
    public static final String END_ESCALATED = "EndEvent_Escalated";

    public static final ProcessVariable<Long> REQUEST_ID = RequestVariables.REQUEST_ID;
    public static final ProcessVariable<String> REQUESTER = RequestVariables.REQUESTER;
    /** The requester's manager; null sends the approval to the approver group. */
    public static final ProcessVariable<String> APPROVER = RequestVariables.APPROVER;
    /** Start form fields (forms/software-access-request.form). */
    public static final ProcessVariable<Long> SOFTWARE = new ProcessVariable<>("software", Long.class);
    public static final ProcessVariable<String> JUSTIFICATION = new ProcessVariable<>("justification", String.class);
    public static final ProcessVariable<String> END_DATE = new ProcessVariable<>("endDate", String.class);
    /** Not a process variable: the start form's options, offered by {@link SoftwareAccessStartForm}. */
    public static final String SOFTWARE_OPTIONS = "softwareOptions";

    /** Set when the request is recorded, for the approval decision. */
    public static final ProcessVariable<Double> LICENCE_COST = new ProcessVariable<>("licenceCost", Double.class);
    public static final ProcessVariable<Boolean> ADMIN_RIGHTS = new ProcessVariable<>("adminRights", Boolean.class);
    public static final ProcessVariable<Boolean> APPROVAL_REQUIRED =
            new ProcessVariable<>("approvalRequired", Boolean.class);
    /** Set when the request is recorded, from the catalogue: the product needs an IT fulfiller's work. */
    public static final ProcessVariable<Boolean> MANUAL_FULFILMENT =
            new ProcessVariable<>("manualFulfilment", Boolean.class);
    public static final ProcessVariable<Boolean> APPROVED = ApprovalOutcome.APPROVED;
    /** Fulfil form fields (forms/software-access-fulfil.form). */
    public static final ProcessVariable<Boolean> FULFILLED = new ProcessVariable<>("fulfilled", Boolean.class);
    /** What was installed or done, for the records; only when fulfilled. */
    public static final ProcessVariable<String> FULFILMENT_DONE = new ProcessVariable<>("fulfilmentDone", String.class);
    /** For the requester, optional; only when fulfilled. */
    public static final ProcessVariable<String> FULFILMENT_NOTE = new ProcessVariable<>("fulfilmentNote", String.class);
    /** Why it could not be done, shown to the requester; only when not fulfilled. */
    public static final ProcessVariable<String> NOT_FULFILLED_REASON =
            new ProcessVariable<>("notFulfilledReason", String.class);
    public static final ProcessVariable<String> REJECTION_REASON = ApprovalOutcome.REJECTION_REASON;

    private SoftwareAccessProcess() {
    }
}
