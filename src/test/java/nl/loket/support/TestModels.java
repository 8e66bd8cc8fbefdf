package nl.loket.support;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/** Request types drawn for a test (models and forms on the test classpath), deployed once per shared context. */
public final class TestModels {

    private TestModels() {
    }

    /** Deploys the resources as one deployment named after the process key, unless that process is deployed. */
    public static void deployOnce(RepositoryService repositoryService, String processKey, String... resources) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(processKey).count() > 0) {
            return;
        }
        DeploymentBuilder deployment = repositoryService.createDeployment().name(processKey);
        for (String resource : resources) {
            deployment.addClasspathResource(resource);
        }
        deployment.deploy();
    }

    /** The device review of src/test/resources/form-fidelity: a review form with an "approved" of its own. */
    public static void deployDeviceReview(RepositoryService repositoryService) {
        deployOnce(repositoryService, "device-review", "form-fidelity/device-review.bpmn",
                "form-fidelity/device-review-request.form", "form-fidelity/device-review-review.form");
    }
}
