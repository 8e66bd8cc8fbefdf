package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/** Every way Camunda 7 links a start form, and one Loket cannot render. */
@LoketIntegrationTest
class FormLinksIT {

    private static final String FORM = """
            {"id":"links-form","type":"default","components":[
              {"type":"textfield","id":"Field_Note","key":"note","label":"Note"}]}""";
    private static final String MODEL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_%1$s"
                              targetNamespace="https://loket.nl/test">
              <bpmn:process id="%1$s" isExecutable="true" camunda:historyTimeToLive="P1D"
                            camunda:candidateStarterGroups="employee">
                <bpmn:extensionElements><camunda:properties>
                  <camunda:property name="loket:category" value="test"/>
                </camunda:properties></bpmn:extensionElements>
                <bpmn:startEvent id="StartEvent_Start" %2$s/>
              </bpmn:process>
            </bpmn:definitions>""";

    @Autowired RepositoryService repositoryService;
    @Autowired FormRequestService service;
    @Autowired TestUsers users;

    @BeforeEach
    void login() {
        users.loginAs("emma");
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            links-ref-deployment | camunda:formRef="links-form" camunda:formRefBinding="deployment"
            links-ref-latest     | camunda:formRef="links-form" camunda:formRefBinding="latest"
            links-ref-version    | camunda:formRef="links-form" camunda:formRefBinding="version" camunda:formRefVersion="1"
            links-key-deployment | camunda:formKey="camunda-forms:deployment:links.form"
            links-key-app        | camunda:formKey="camunda-forms:app:form-request-types/equipment-loan-request.form"
            """)
    void a_start_form_linked_this_way_is_found(String key, String link) {
        deploy(key, link);
        assertThat(service.startForm(key, Locale.ENGLISH)).as(key).isPresent();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            links-embedded | camunda:formKey="embedded:app:forms/start.html"
            links-escape   | camunda:formKey="camunda-forms:app:../application.yaml"
            links-none     | name="No form"
            """)
    void a_start_form_loket_cannot_render_gives_none_not_a_crash(String key, String link) {
        deploy(key, link);
        assertThat(service.startForm(key, Locale.ENGLISH)).as(key).isEmpty();
    }

    private void deploy(String key, String link) {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).count() > 0) {
            return;
        }
        repositoryService.createDeployment().name(key)
                .addString(key + ".bpmn", MODEL.formatted(key, link))
                .addInputStream("links.form", new java.io.ByteArrayInputStream(FORM.getBytes(StandardCharsets.UTF_8)))
                .deploy();
    }
}
