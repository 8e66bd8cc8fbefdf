package nl.loket.request;

import java.util.Optional;

import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Four-eyes where it takes effect: before a step grants what was asked, Loket checks from its own records, not from
 * process variables any engine caller could set, that the instance is the request's and that the approval the
 * decision asked for was given by someone else than the requester. So an approval skipped by instance
 * modification, an {@code approved = true} set from engine-rest, or a {@code requestId} pointed at another request
 * ends in a refused step (an incident for a process admin to look at), never in a grant.
 */
@Service
public class ApprovalCheck {

    private static final Logger log = LoggerFactory.getLogger(ApprovalCheck.class);

    private final JdbcClient jdbc;
    private final HistoryService history;

    ApprovalCheck(JdbcClient jdbc, HistoryService history) {
        this.jdbc = jdbc;
        this.history = history;
    }

    /** Records who approved, as the approval task is completed with approval. */
    public void recordApproval(long requestId, String approver) {
        jdbc.sql("update service_request set approved_by = ? where id = ?").params(approver, requestId).update();
    }

    /**
     * Refuses (with {@link ApprovalMissingException}) unless the running instance is the request's and, when the
     * decision {@code decisionKey} did not clearly say "no approval needed" for this instance, an approval by
     * someone other than the requester is recorded.
     */
    public void requireApproved(Request request, String processInstanceId, String decisionKey, String requiredOutput) {
        if (!processInstanceId.equals(request.processInstanceId())) {
            refuse(request, "instance " + processInstanceId + " is not the request's (" + request.processInstanceId() + ")");
        }
        if (!approvalRequired(processInstanceId, decisionKey, requiredOutput)) {
            return;
        }
        String approver = jdbc.sql("select approved_by from service_request where id = ?").param(request.id())
                .query(String.class).optional().orElse(null);
        if (approver == null) {
            refuse(request, "the approval it needs was never given");
        }
        if (approver.equals(request.requester())) {
            refuse(request, "it was approved by its requester " + approver);
        }
    }

    /**
     * What the engine's history says the decision found for this instance; fails closed: no evaluation in the
     * history (skipped, or its history deleted) means approval is needed.
     */
    private boolean approvalRequired(String processInstanceId, String decisionKey, String output) {
        Optional<Object> found = history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId)
                .decisionDefinitionKey(decisionKey).includeOutputs().orderByEvaluationTime().desc().list().stream()
                .findFirst().flatMap(decision -> outputOf(decision, output));
        return !Boolean.FALSE.equals(found.orElse(null));
    }

    private static Optional<Object> outputOf(HistoricDecisionInstance decision, String output) {
        return decision.getOutputs().stream().filter(o -> output.equals(o.getVariableName()))
                .map(HistoricDecisionOutputInstance::getValue).findFirst();
    }

    private static void refuse(Request request, String why) {
        log.error("Refused to carry out {}: {} (four-eyes; a process admin sees the incident)", request.number(), why);
        throw new ApprovalMissingException("Four-eyes: " + request.number() + " is not carried out: " + why);
    }
}
