package nl.loket.inbox;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import nl.loket.request.InvalidRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Approving or rejecting several approval tasks at once. Each task is checked and decided on its own, in its own
 * transaction, with the same rules as one at a time (offered to the user, not their own request, an approval
 * task); a task that fails is reported and the others go ahead.
 */
@Service
public class BulkDecisions {

    /** At most this many tasks in one go. */
    public static final int MAX_TASKS = 100;

    private static final Logger log = LoggerFactory.getLogger(BulkDecisions.class);

    private final InboxService inbox;
    private final TaskFormService taskForms;

    BulkDecisions(InboxService inbox, TaskFormService taskForms) {
        this.inbox = inbox;
        this.taskForms = taskForms;
    }

    public enum Outcome { DONE, NOT_AN_APPROVAL, OWN_REQUEST, NOT_AVAILABLE, ALREADY_HANDLED, MODEL_ERROR }

    /** What happened to one task; {@code handledBy} names who was first when it was already handled. */
    public record Result(String taskId, Outcome outcome, String handledBy) {

        public boolean isDone() {
            return outcome == Outcome.DONE;
        }
    }

    public List<Result> approve(Collection<String> taskIds) {
        return decide(taskIds, true, null);
    }

    /** Rejects them all with one reason, which is required as for a single rejection. */
    public List<Result> reject(Collection<String> taskIds, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new InvalidRequestException(java.util.Map.of(InboxService.FIELD_REASON, "validation.reason.required"));
        }
        if (reason.strip().length() > ApprovalOutcome.REASON_MAX_LENGTH) {
            throw new InvalidRequestException(java.util.Map.of(InboxService.FIELD_REASON, "validation.reason.too-long"));
        }
        return decide(taskIds, false, reason);
    }

    private List<Result> decide(Collection<String> taskIds, boolean approve, String reason) {
        if (taskIds.size() > MAX_TASKS) {
            throw new InvalidRequestException(java.util.Map.of("tasks", "inbox.bulk.too-many"));
        }
        List<Result> results = new ArrayList<>();
        for (String taskId : taskIds) {
            results.add(decideOne(taskId, approve, reason));
        }
        log.info("Bulk {}: {} of {} done", approve ? "approval" : "rejection",
                results.stream().filter(Result::isDone).count(), results.size());
        return results;
    }

    private Result decideOne(String taskId, boolean approve, String reason) {
        try {
            boolean approval = taskForms.formOf(taskId).map(TaskFormService.TaskForm::isApproval).orElse(false);
            if (!approval) {
                return new Result(taskId, Outcome.NOT_AN_APPROVAL, null);
            }
            if (approve) {
                inbox.approve(taskId);
            } else {
                inbox.reject(taskId, reason);
            }
            return new Result(taskId, Outcome.DONE, null);
        } catch (OwnRequestException e) {
            return new Result(taskId, Outcome.OWN_REQUEST, null);
        } catch (TaskAlreadyTakenException e) {
            return new Result(taskId, Outcome.ALREADY_HANDLED, e.handledByName());
        } catch (TaskNotAvailableException e) {
            return new Result(taskId, Outcome.NOT_AVAILABLE, null);
        } catch (nl.loket.workflow.ProcessModelException e) {
            // the model fails after the approval: this one stays open, the others go ahead
            return new Result(taskId, Outcome.MODEL_ERROR, null);
        }
    }
}
