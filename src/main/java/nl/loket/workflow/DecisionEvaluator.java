package nl.loket.workflow;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/**
 * Evaluates the latest deployed version of a DMN decision to tell a user up front what the process will decide
 * (whether approval will be needed, who approves). These are previews: they run in memory on the parsed decision,
 * without history (a page that labels 60 options must not write 60 decision instances) and without a query per
 * evaluation. The process's own business-rule task evaluates the decision for real, with history.
 */
@Service
public class DecisionEvaluator {

    /** The latest version of one decision, parsed: evaluate it as often as needed, in memory. */
    public static final class Preview {

        private final DmnEngine engine;
        private final DmnDecision decision;

        private Preview(DmnEngine engine, DmnDecision decision) {
            this.engine = engine;
            this.decision = decision;
        }

        /** The single result row, as output name to value. */
        public Map<String, Object> evaluateSingle(Map<String, Object> inputs) {
            return evaluate(inputs).getSingleResult().getEntryMap();
        }

        /** The values one output takes over all matching rows (a COLLECT table), in rule order. */
        public List<Object> evaluateCollect(Map<String, Object> inputs, String output) {
            return evaluate(inputs).collectEntries(output);
        }

        private DmnDecisionResult evaluate(Map<String, Object> inputs) {
            return engine.evaluateDecision(decision, Variables.fromMap(inputs));
        }
    }

    private final RepositoryService repositoryService;
    // the engine that evaluates decisions for the processes writes history; this one has no listeners at all
    private final DmnEngine previews = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    /** Parsed decisions by definition id: a deployed version never changes. */
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    DecisionEvaluator(RepositoryService repositoryService) {
        this.repositoryService = repositoryService;
    }

    /** The latest version of the decision (one query), parsed once per version. */
    public Preview latest(String decisionKey) {
        DecisionDefinition definition = repositoryService.createDecisionDefinitionQuery()
                .decisionDefinitionKey(decisionKey).latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("No decision '" + decisionKey + "' is deployed");
        }
        DmnDecision decision = parsed.get(definition.getId());
        if (decision == null) {
            decision = previews.parseDecision(decisionKey, repositoryService.getDmnModelInstance(definition.getId()));
            parsed.put(definition.getId(), decision);
        }
        return new Preview(previews, decision);
    }

    /** The single result row of the latest version of the decision, as output name to value. */
    public Map<String, Object> evaluateSingle(String decisionKey, Map<String, Object> inputs) {
        return latest(decisionKey).evaluateSingle(inputs);
    }

    /** The values one output takes over all matching rows (a COLLECT table), in rule order. */
    public List<Object> evaluateCollect(String decisionKey, Map<String, Object> inputs, String output) {
        return latest(decisionKey).evaluateCollect(inputs, output);
    }
}
