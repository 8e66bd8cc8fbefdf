package nl.loket.ui;

import com.vaadin.flow.component.Component;

/**
 * Names from a BPMN model (tasks, steps), translated when the bundles have a text for them
 * ({@code activity.<process key>.<element id>}), else as the modeller wrote them.
 */
public final class ModelTexts {

    private ModelTexts() {
    }

    public static String activityName(Component component, String processKey, String activityId, String modelName) {
        String key = "activity." + processKey + "." + activityId;
        String translated = component.getTranslation(key);
        return translated.equals(key) ? modelName : translated;
    }

    /**
     * A decision rule in the reader's language when the bundles have it ({@code decision.<key>.<rule id>}), else
     * its description in the DMN, else its id.
     */
    public static String ruleDescription(Component component, nl.loket.workflow.MatchedRule rule) {
        String key = "decision." + rule.decisionKey() + "." + rule.ruleId();
        String translated = component.getTranslation(key);
        return !translated.equals(key) ? translated : rule.description() != null ? rule.description() : rule.ruleId();
    }
}
