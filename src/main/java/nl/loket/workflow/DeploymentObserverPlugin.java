package nl.loket.workflow;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.deploy.Deployer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Tells the {@link DeploymentObserver} beans of every deployment the engine makes (a deployer that runs after the
 * engine's own). The beans are looked up once all beans exist, so the engine does not depend on them while it is
 * built; the deployments made at start-up, before that, find nothing kept yet.
 */
@Component
class DeploymentObserverPlugin extends AbstractProcessEnginePlugin implements SmartInitializingSingleton {

    private final ObjectProvider<DeploymentObserver> observers;
    private volatile List<DeploymentObserver> registered = List.of();

    DeploymentObserverPlugin(ObjectProvider<DeploymentObserver> observers) {
        this.observers = observers;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        List<Deployer> deployers = configuration.getCustomPostDeployers() == null
                ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostDeployers());
        deployers.add(deployment -> changed());
        configuration.setCustomPostDeployers(deployers);
    }

    private void changed() {
        tell();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    tell();
                }
            });
        }
    }

    @Override
    public void afterSingletonsInstantiated() {
        registered = observers.orderedStream().toList();
    }

    private void tell() {
        registered.forEach(DeploymentObserver::deploymentsChanged);
    }
}
