package nl.loket.request;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import nl.loket.workflow.ProcessHistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Four-eyes where it takes effect: before a step carries a request out, Loket checks from its own records, not
 * from process variables any engine caller could set, that the instance is the request's and that the approvals
 * the decision asked for were given by others than the requester. So an approval skipped by instance
 * modification, an {@code approved = true} set from engine-rest, or a {@code requestId} pointed at another request
 * ends in a refused step (an incident for a process admin to look at), never in a grant or an environment.
 */
@Service
public class ApprovalCheck {

    /** What a caller passes when the decision itself refused the request. */
    public static final int REFUSED_BY_DECISION = -1;

    private static final Logger log = LoggerFactory.getLogger(ApprovalCheck.class);

    private final JdbcClient jdbc;
    private final ProcessHistoryService history;
    private final Clock clock;

    ApprovalCheck(JdbcClient jdbc, ProcessHistoryService history, Clock clock) {
        this.jdbc = jdbc;
        this.history = history;
        this.clock = clock;
    }

    /** Records an approval as its task is completed; a task is recorded once, however often this runs. */
    public void recordApproval(long requestId, String taskId, String approver) {
        jdbc.sql("""
                insert into request_approval (request_id, task_id, approver, approved_at)
                select ?, ?, ?, ? where not exists (select 1 from request_approval where task_id = ?)""")
                .params(requestId, taskId, approver, clock.instant().atOffset(ZoneOffset.UTC), taskId).update();
    }

    /**
     * What the instance's own evaluation of the decision gave as {@code output}, from the engine's history; empty
     * when there is none (the step was skipped, or its history deleted): callers then ask for an approval (fail
     * closed).
     */
    public Optional<List<Object>> decided(String processInstanceId, String decisionKey, String output) {
        return history.decisionOutputs(processInstanceId, decisionKey, output);
    }

    /**
     * Refuses (with {@link ApprovalMissingException}) unless the running instance is the request's and at least
     * {@code required} approvals by others than the requester are recorded.
     */
    public void requireApprovals(Request request, String processInstanceId, int required) {
        if (!processInstanceId.equals(request.processInstanceId())) {
            refuse(request, "instance " + processInstanceId + " is not the request's (" + request.processInstanceId() + ")");
        }
        if (required == REFUSED_BY_DECISION) {
            refuse(request, "its approval decision refused it");
        }
        if (required == 0) {
            return;
        }
        long given = jdbc.sql("select count(*) from request_approval where request_id = ? and approver <> ?")
                .params(request.id(), request.requester()).query(Long.class).single();
        if (given < required) {
            refuse(request, given == 0 ? "the approval it needs was never given"
                    : "it has " + given + " of the " + required + " approvals it needs");
        }
    }

    private static void refuse(Request request, String why) {
        log.error("Refused to carry out {}: {} (four-eyes; a process admin sees the incident)", request.number(), why);
        throw new ApprovalMissingException("Four-eyes: " + request.number() + " is not carried out: " + why);
    }
}
