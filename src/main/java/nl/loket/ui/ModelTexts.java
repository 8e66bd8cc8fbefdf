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
        return optional(component, "activity." + processKey + "." + activityId).orElse(modelName);
    }

    /** A translation the bundles need not have: models published without Java bring no texts, and that is fine. */
    private static java.util.Optional<String> optional(Component component, String key) {
        com.vaadin.flow.i18n.I18NProvider provider = com.vaadin.flow.server.VaadinService.getCurrent() == null ? null
                : com.vaadin.flow.server.VaadinService.getCurrent().getInstantiator().getI18NProvider();
        if (provider instanceof LoketI18NProvider texts) {
            return texts.find(key, Formats.locale(component));
        }
        String translated = component.getTranslation(key);
        return translated.equals(key) ? java.util.Optional.empty() : java.util.Optional.of(translated);
    }

    /**
     * A decision rule in the reader's language when the bundles have it ({@code decision.<key>.<rule id>}), else
     * its description in the DMN, else its id.
     */
    public static String ruleDescription(Component component, nl.loket.workflow.MatchedRule rule) {
        return optional(component, "decision." + rule.decisionKey() + "." + rule.ruleId())
                .orElse(rule.description() != null ? rule.description() : rule.ruleId());
    }
}
