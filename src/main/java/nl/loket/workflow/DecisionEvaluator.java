package nl.loket.workflow;

import java.util.Map;

import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;

/** Evaluates deployed DMN decisions, e.g. to tell a requester up front whether approval will be needed. */
@Service
public class DecisionEvaluator {

    private final DecisionService decisionService;

    DecisionEvaluator(DecisionService decisionService) {
        this.decisionService = decisionService;
    }

    /** The single result row of the latest version of the decision, as output name to value. */
    public Map<String, Object> evaluateSingle(String decisionKey, Map<String, Object> inputs) {
        VariableMap variables = Variables.fromMap(inputs);
        return decisionService.evaluateDecisionByKey(decisionKey).variables(variables).evaluate().getSingleResult()
                .getEntryMap();
    }

    /** The values one output takes over all matching rows (a COLLECT table), in rule order. */
    public java.util.List<Object> evaluateCollect(String decisionKey, Map<String, Object> inputs, String output) {
        VariableMap variables = Variables.fromMap(inputs);
        return decisionService.evaluateDecisionByKey(decisionKey).variables(variables).evaluate()
                .collectEntries(output);
    }
}
