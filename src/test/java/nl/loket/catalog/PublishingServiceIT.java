package nl.loket.catalog;

import static nl.loket.catalog.PublishFixtures.TestModel;
import static nl.loket.catalog.PublishFixtures.bytes;
import static nl.loket.catalog.PublishFixtures.files;
import static nl.loket.catalog.PublishFixtures.simpleForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.loket.catalog.PublishingService.PublishedProcess;
import nl.loket.forms.FormField;
import nl.loket.forms.FormSchemaParser;
import nl.loket.request.FormRequestService;
import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.workflow.DeployedForms;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/**
 * A process admin publishes request types made in Camunda Modeler; they are live at once, every step of them
 * opens, and the admin is told truthfully whether each is in the catalogue. Refusals: {@link PublishRefusalsIT}.
 */
@LoketIntegrationTest
class PublishingServiceIT {

    @Autowired PublishingService publishing;
    @Autowired CatalogService catalog;
    @Autowired FormRequestService formRequests;
    @Autowired DeployedForms deployedForms;
    @Autowired FormSchemaParser parser;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired TestUsers users;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void a_published_request_type_is_in_the_catalogue_at_once_and_new_versions_apply_to_new_requests() {
        users.loginAs("ada");
        var published = publishing.publish("parking permit", equipmentLoan("parking-permit", "Equipment loan"));
        assertThat(published.processes()).containsExactly(new PublishedProcess("parking-permit",
                new CatalogListing(CatalogListing.State.LISTED, List.of("employee"))));

        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey).contains("parking-permit");
        Request first = formRequests.submit("parking-permit", Map.of("item", "headset", "days", 1), Locale.ENGLISH);
        String firstDefinition = definitionOf(first);

        users.loginAs("ada");
        publishing.publish("parking permit v2", equipmentLoan("parking-permit", "Parking permit"));
        users.loginAs("emma");
        Request second = formRequests.submit("parking-permit", Map.of("item", "headset", "days", 1), Locale.ENGLISH);

        assertThat(definitionOf(first)).as("the running request keeps its version").isEqualTo(firstDefinition);
        assertThat(definitionOf(second)).isNotEqualTo(firstDefinition);
        assertThat(second.summary()).isEqualTo("Parking permit");
    }

    @Test
    void after_an_accepted_upload_every_catalogue_item_of_it_opens_and_so_does_every_task() {
        users.loginAs("ada");
        Map<String, byte[]> upload = files(
                // Camunda Modeler 5: formRef binding deployment (start) and version 1 (task), made by this upload
                "hardware-request.bpmn", "hardware-request.form", "hardware-check.form",
                // Camunda Modeler 4: a start form without any id, linked by its file name; a task form by formRef
                "badge-request.bpmn", "badge-request.form", "badge-handout.form",
                // forms packaged with Loket (camunda-forms:app:), on the start event and on the task
                "parking-request.bpmn");

        var published = publishing.publish("workplace services", upload);

        assertThat(published.processKeys()).containsExactlyInAnyOrder("publish-hardware", "publish-badge",
                "publish-parking");
        assertThat(published.processes()).allSatisfy(process -> assertThat(process.listing().listed()).isTrue());
        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey)
                .contains("publish-hardware", "publish-badge", "publish-parking");
        Map<String, Map<String, Object>> submissions = Map.of(
                "publish-hardware", Map.of("item", "monitor", "quantity", 2),
                "publish-badge", Map.of("visitorName", "Joost", "floors", "ground"),
                "publish-parking", Map.of("plate", "AB-123-C"));
        Map<String, String> taskFields = Map.of("publish-hardware", "inStock", "publish-badge", "badgeNumber",
                "publish-parking", "space");
        for (String key : published.processKeys()) {
            assertThat(formRequests.startForm(key, Locale.ENGLISH)).as(key + " opens").isPresent();
            Request request = formRequests.submit(key, submissions.get(key), Locale.ENGLISH);
            String taskId = taskService.createTaskQuery().processInstanceId(request.processInstanceId())
                    .singleResult().getId();
            assertThat(deployedForms.taskForm(taskId).map(parser::parse).orElseThrow().inputs())
                    .as(key + "'s task form").extracting(FormField::key).contains(taskFields.get(key));
        }
    }

    @Test
    void a_form_without_an_id_as_camunda_modeler_4_writes_it_is_published_and_opens_by_its_file_name() {
        users.loginAs("ada");
        Map<String, byte[]> upload = files("badge-request.bpmn", "badge-request.form", "badge-handout.form");
        String bpmn = new String(upload.remove("badge-request.bpmn"), StandardCharsets.UTF_8)
                .replace("\"publish-badge\"", "\"publish-badge-lobby\"");
        upload.put("badge-lobby.bpmn", bytes(bpmn));

        publishing.publish("lobby badge", upload);

        users.loginAs("emma");
        assertThat(formRequests.startForm("publish-badge-lobby", Locale.ENGLISH).orElseThrow().schema().inputs())
                .extracting(FormField::key).containsExactly("visitorName", "floors", "escorted");
    }

    @Test
    void form_refs_with_binding_latest_or_version_find_forms_published_before() {
        users.loginAs("ada");
        Map<String, byte[]> first = TestModel.of("publish-desk")
                .start("camunda:formRef=\"publish-desk-request\" camunda:formRefBinding=\"deployment\"").upload();
        first.put("desk-request.form", simpleForm("publish-desk-request"));
        publishing.publish("desk", first);

        Map<String, byte[]> second = new LinkedHashMap<>();
        second.put("desk-return.bpmn", bytes(TestModel.of("publish-desk-return")
                .start("camunda:formRef=\"publish-desk-request\" camunda:formRefBinding=\"latest\"")
                .task("camunda:formRef=\"publish-desk-request\" camunda:formRefBinding=\"version\" "
                        + "camunda:formRefVersion=\"1\"").xml()));
        assertThat(publishing.publish("desk return", second).processKeys()).containsExactly("publish-desk-return");

        users.loginAs("emma");
        assertThat(formRequests.startForm("publish-desk-return", Locale.ENGLISH)).isPresent();
    }

    @Test
    void the_admin_is_told_when_a_published_process_is_not_in_the_catalogue_and_why() {
        users.loginAs("ada");
        Map<String, byte[]> upload = new LinkedHashMap<>();
        upload.put("no-category.bpmn", bytes(TestModel.of("publish-no-category").properties("").xml()));
        upload.put("no-starters.bpmn", bytes(TestModel.of("publish-no-starters").starters("").xml()));
        upload.put("unknown-group.bpmn", bytes(TestModel.of("publish-unknown-group")
                .starters("camunda:candidateStarterGroups=\"emplyee\"").xml()));
        upload.put("simple-request.form", bytes(PublishFixtures.SIMPLE_FORM));

        var published = publishing.publish("not listed", upload);

        assertThat(published.processes()).extracting(PublishedProcess::processKey, process -> process.listing().state())
                .containsExactlyInAnyOrder(
                        tuple("publish-no-category", CatalogListing.State.NO_CATEGORY),
                        tuple("publish-no-starters",
                                CatalogListing.State.NO_CANDIDATE_STARTERS),
                        tuple("publish-unknown-group",
                                CatalogListing.State.NO_KNOWN_STARTERS));
        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey)
                .doesNotContain("publish-no-category", "publish-no-starters", "publish-unknown-group");
    }

    @Test
    void publishing_the_same_files_again_publishes_nothing_new() {
        users.loginAs("ada");
        Map<String, byte[]> upload = TestModel.of("publish-again").upload();
        upload.put("simple-request.form", simpleForm("publish-again-request"));
        upload.put("publish-again.bpmn", bytes(TestModel.of("publish-again")
                .start("camunda:formRef=\"publish-again-request\" camunda:formRefBinding=\"deployment\"").xml()));
        assertThat(publishing.publish("again", upload).processKeys()).containsExactly("publish-again");

        assertThat(publishing.publish("again", upload).processes()).isEmpty();
    }

    @Test
    void only_process_admins_publish() {
        users.loginAs("emma");
        assertThatThrownBy(() -> publishing.publish("sneaky", equipmentLoan("sneaky", "Sneaky")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private String definitionOf(Request request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult().getProcessDefinitionId();
    }

    /** The equipment-loan model and forms (test resources) under another key and process name. */
    private static Map<String, byte[]> equipmentLoan(String key, String name) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", bytes(PublishFixtures.resource("/form-request-types/equipment-loan.bpmn")
                .replace("equipment-loan", key).replace("name=\"Equipment loan\"", "name=\"" + name + "\"")));
        files.put(key + "-request.form", bytes(PublishFixtures.resource(
                "/form-request-types/equipment-loan-request.form").replace("equipment-loan", key)));
        files.put(key + "-handover.form", bytes(PublishFixtures.resource(
                "/form-request-types/equipment-loan-handover.form").replace("equipment-loan", key)));
        return files;
    }
}
