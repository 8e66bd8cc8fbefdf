package nl.loket.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.camunda.bpm.engine.impl.persistence.entity.DeploymentEntity;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * Keeps code out of the engine, whichever door a deployment comes through (publishing in Loket, engine REST's
 * {@code POST /deployment/create}, Camunda Modeler, Cockpit, start-up): a deployer that runs before the engine's
 * own refuses every new deployment with code in it (see {@link ModelCodeCheck}). Deployments already in the
 * database are not checked again when the engine reads them back.
 * <p>
 * And, the stronger half: the engine's expressions see only Loket's published beans ({@link ProcessBeans}), so
 * that even a model deployed before this check cannot call any other bean. Both are off with
 * {@code loket.publishing.allow-code}.
 */
@Component
class ModelCodeGuardPlugin extends AbstractProcessEnginePlugin {

    private static final Logger log = LoggerFactory.getLogger(ModelCodeGuardPlugin.class);

    private final ModelCodeCheck check;
    private final ApplicationContext context;

    ModelCodeGuardPlugin(ModelCodeCheck check, ApplicationContext context) {
        this.check = check;
        this.context = context;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        if (check.allowsCode()) {
            log.warn("loket.publishing.allow-code is on: process models may run scripts, Java classes and any "
                    + "Spring bean on this server");
            return;
        }
        List<Deployer> deployers = configuration.getCustomPreDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPreDeployers());
        deployers.add(this::refuseCode);
        configuration.setCustomPreDeployers(deployers);
        // the factory bean made the expression manager (seeing every bean) before the plugins run: replace it
        ProcessBeans beans = check.beans();
        configuration.setBeans(beans.asMap());
        configuration.setExpressionManager(new SpringExpressionManager(context, beans.asMap()));
    }

    private void refuseCode(DeploymentEntity deployment) {
        if (!deployment.isNew() || deployment.getResources() == null) {
            return;
        }
        List<CodeFinding> findings = new ArrayList<>();
        deployment.getResources().values().forEach(resource ->
                findings.addAll(check.refusals(resource.getName(), resource.getBytes())));
        if (!findings.isEmpty()) {
            log.warn("Refused deployment '{}': {}", deployment.getName(), findings);
            throw new ModelCodeRefusedException(findings);
        }
    }
}
