package nl.loket.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/** A process engine plugin that adds one BPMN parse listener before the engine's own, keeping any others. */
abstract class PreParseListenerPlugin extends AbstractProcessEnginePlugin {

    abstract BpmnParseListener parseListener();

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<BpmnParseListener> parseListeners = configuration.getCustomPreBPMNParseListeners() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreBPMNParseListeners());
        parseListeners.add(parseListener());
        configuration.setCustomPreBPMNParseListeners(parseListeners);
    }
}
