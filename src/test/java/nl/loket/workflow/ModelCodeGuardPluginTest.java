package nl.loket.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The plugin in a bare engine (no Spring Boot), whose expression manager sees every bean of a context as Camunda's
 * Spring integration sets it up: with the switch off, a deployment with code is refused by the
 * engine itself and its expressions see only published beans; with the switch on, both are as in plain Camunda.
 */
class ModelCodeGuardPluginTest {

    /** Not published: neither a delegate nor marked. */
    static class SimulatedCloudProvider {
    }

    /** Published, as the real one. */
    @ProcessBean
    static class EscalationPolicy {
    }

    @Test
    void with_the_switch_off_the_engine_refuses_code_and_its_expressions_see_only_published_beans() {
        GenericApplicationContext context = context();
        ProcessEngine engine = engine("guard-off", context, false);
        try {
            assertThatThrownBy(() -> engine.getRepositoryService().createDeployment()
                    .addInputStream("code-java-class.bpmn", model("code-java-class")).deploy())
                    .isInstanceOf(ModelCodeRefusedException.class)
                    .hasMessageContaining("ServiceTask_Run").hasMessageContaining("com.example.RunCommandDelegate");
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isZero();
            engine.getRepositoryService().createDeployment()
                    .addInputStream("code-allowed.bpmn", model("code-allowed")).deploy();
            assertThat(engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(
                    "code-allowed").count()).isEqualTo(1);
            assertThat(evaluate(engine, "${escalationPolicy}")).isInstanceOf(EscalationPolicy.class);
            assertThatThrownBy(() -> evaluate(engine, "${simulatedCloudProvider}"))
                    .isInstanceOf(ProcessEngineException.class);
        } finally {
            engine.close();
            context.close();
        }
    }

    @Test
    void with_the_switch_on_models_may_carry_code_and_expressions_see_every_bean() {
        GenericApplicationContext context = context();
        ProcessEngine engine = engine("guard-on", context, true);
        try {
            engine.getRepositoryService().createDeployment()
                    .addInputStream("code-java-class.bpmn", model("code-java-class")).deploy();
            engine.getRepositoryService().createDeployment()
                    .addInputStream("code-runtime-exec.bpmn", model("code-runtime-exec")).deploy();
            assertThat(engine.getRepositoryService().createDeploymentQuery().count()).isEqualTo(2);
            assertThat(evaluate(engine, "${simulatedCloudProvider}")).isInstanceOf(SimulatedCloudProvider.class);
        } finally {
            engine.close();
            context.close();
        }
    }

    private static GenericApplicationContext context() {
        GenericApplicationContext context = new GenericApplicationContext();
        context.registerBean("simulatedCloudProvider", SimulatedCloudProvider.class);
        context.registerBean("escalationPolicy", EscalationPolicy.class);
        context.registerBean("environmentAwaitingApprovalListener", TaskListener.class, () -> task -> { });
        context.refresh();
        return context;
    }

    private static ProcessEngine engine(String name, GenericApplicationContext context, boolean allowCode) {
        ProcessEngineConfigurationImpl configuration = new StandaloneInMemProcessEngineConfiguration();
        configuration.setProcessEngineName(name);
        configuration.setJdbcUrl("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        configuration.setJobExecutorActivate(false);
        // as Camunda's ProcessEngineFactoryBean does before the plugins run: every bean of the context
        configuration.setExpressionManager(new SpringExpressionManager(context, null));
        configuration.setProcessEnginePlugins(new ArrayList<>(java.util.List.of(
                new ModelCodeGuardPlugin(new ModelCodeCheck(new ProcessBeans(context), allowCode), context))));
        return configuration.buildProcessEngine();
    }

    private static Object evaluate(ProcessEngine engine, String expression) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        return configuration.getCommandExecutorTxRequired().execute(commandContext -> configuration
                .getExpressionManager().createExpression(expression)
                .getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private static InputStream model(String name) {
        InputStream in = ModelCodeGuardPluginTest.class.getResourceAsStream("/code-guard/" + name + ".bpmn");
        if (in == null) {
            throw new UncheckedIOException(new IOException("no model " + name));
        }
        return in;
    }
}
