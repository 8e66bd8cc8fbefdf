package nl.loket.workflow;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@link RequestTypeStartListener} beans to the start of every request-type process when a model is
 * parsed (at deployment, on upload and when the engine reloads a deployment after a restart). A built-in listener,
 * so {@code skipCustomListeners} does not skip it, and the first one, so it runs before the model's own.
 */
@Component
class RequestTypeStartListenerPlugin extends PreParseListenerPlugin {

    /** The property that lists a process in the catalogue (catalog.CatalogProperties.CATEGORY). */
    static final String CATEGORY = "loket:category";

    private final ObjectProvider<RequestTypeStartListener> listeners;

    RequestTypeStartListenerPlugin(ObjectProvider<RequestTypeStartListener> listeners) {
        this.listeners = listeners;
    }

    @Override
    BpmnParseListener parseListener() {
        return new AttachToRequestTypes(this::dispatch);
    }

    private void dispatch(DelegateExecution execution) throws Exception {
        for (RequestTypeStartListener listener : listeners.orderedStream().toList()) {
            listener.notify(execution);
        }
    }

    static boolean isRequestType(Element processElement) {
        Element extensions = processElement.element("extensionElements");
        Element properties = extensions == null ? null
                : extensions.elementNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "properties");
        return properties != null && properties.elementsNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "property").stream()
                .anyMatch(property -> CATEGORY.equals(property.attribute("name")));
    }

    private static final class AttachToRequestTypes extends AbstractBpmnParseListener {

        private final ExecutionListener dispatcher;

        AttachToRequestTypes(ExecutionListener dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
            if (isRequestType(processElement)) {
                processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_START, dispatcher, 0);
            }
        }
    }
}
