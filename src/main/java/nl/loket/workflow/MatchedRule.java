package nl.loket.workflow;

/** A rule of a decision table that matched when a process evaluated it, with the modeller's description. */
public record MatchedRule(String decisionKey, String ruleId, String description) {
}
