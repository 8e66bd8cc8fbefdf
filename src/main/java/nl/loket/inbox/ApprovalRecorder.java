package nl.loket.inbox;

import nl.loket.request.ApprovalCheck;
import nl.loket.workflow.DelegateTasks;
import nl.loket.workflow.EveryUserTaskListener;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records who approved, as an approval task (extension property {@code loket:approval = true} in its model) is
 * completed with {@code approved = true}: after {@link FourEyesGuard}, so never the requester. The steps that
 * carry a request out check these records ({@link ApprovalCheck}).
 */
@Component
@Order(2)
class ApprovalRecorder implements EveryUserTaskListener {

    static final String APPROVAL_TASK = "loket:approval";

    private final ApprovalCheck approvals;
    private final JdbcClient jdbc;

    ApprovalRecorder(ApprovalCheck approvals, JdbcClient jdbc) {
        this.approvals = approvals;
        this.jdbc = jdbc;
    }

    @Override
    public void notify(DelegateTask task) {
        if (!TaskListener.EVENTNAME_COMPLETE.equals(task.getEventName())
                || !"true".equalsIgnoreCase(DelegateTasks.property(task, APPROVAL_TASK))
                || !Boolean.TRUE.equals(task.getVariable(ApprovalOutcome.APPROVED.name()))) {
            return;
        }
        String number = task.getExecution() == null ? null : task.getExecution().getProcessBusinessKey();
        Long requestId = number == null ? null : jdbc.sql("select id from service_request where request_number = ?")
                .param(number).query(Long.class).optional().orElse(null);
        if (requestId == null) {
            return;
        }
        // who completes it, else whose task it was
        String approver = DelegateTasks.authenticatedUser(task);
        approvals.recordApproval(requestId, task.getId(), approver != null ? approver : task.getAssignee());
    }
}
