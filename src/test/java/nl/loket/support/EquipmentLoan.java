package nl.loket.support;

import org.camunda.bpm.engine.RepositoryService;

/** A request type of a model and a form only (src/test/resources/form-request-types), deployed at run time. */
public final class EquipmentLoan {

    public static final String KEY = "equipment-loan";

    private EquipmentLoan() {
    }

    public static void deployOnce(RepositoryService repositoryService) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
            repositoryService.createDeployment().name(KEY)
                    .addClasspathResource("form-request-types/equipment-loan.bpmn")
                    .addClasspathResource("form-request-types/equipment-loan-request.form")
                    .addClasspathResource("form-request-types/equipment-loan-handover.form")
                    .deploy();
        }
    }
}
