package nl.loket.catalog;

import static nl.loket.catalog.PublishFixtures.TestModel;
import static nl.loket.catalog.PublishFixtures.bytes;
import static nl.loket.catalog.PublishFixtures.files;
import static nl.loket.catalog.PublishFixtures.simpleForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per reason an upload is refused (each {@code publish.refused.*} key): what an employee would meet as a
 * step that does not open is found here, at publishing, and nothing of a refused upload is deployed.
 */
@LoketIntegrationTest
class PublishRefusalsIT {

    private static final Properties EN = PublishFixtures.bundle("translations.properties");
    private static final Properties NL = PublishFixtures.bundle("translations_nl.properties");

    @Autowired PublishingService publishing;
    @Autowired CatalogService catalog;
    @Autowired RepositoryService repositoryService;
    @Autowired TestUsers users;

    @BeforeEach
    void login() {
        users.loginAs("ada");
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void an_empty_upload_or_one_of_too_many_files_is_refused() {
        assertThat(refused(Map.of(), "publish.refused.file-count").arguments()).containsExactly("20");
        Map<String, byte[]> many = new LinkedHashMap<>(TestModel.of("publish-many").upload());
        for (int i = 0; i < 20; i++) {
            many.put("extra-" + i + ".dmn", bytes("<definitions/>"));
        }
        refused(many, "publish.refused.file-count");
    }

    @Test
    void a_file_over_two_megabytes_is_refused() {
        Map<String, byte[]> upload = TestModel.of("publish-large").upload();
        upload.put("large.form", new byte[PublishingService.MAX_FILE_SIZE + 1]);
        assertThat(refused(upload, "publish.refused.too-large").arguments()).containsExactly("large.form");
    }

    @Test
    void a_file_with_a_dtd_is_refused() {
        assertThat(refused(Map.of("evil.bpmn", bytes("""
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <definitions>&xxe;</definitions>""")), "publish.refused.dtd").arguments()).containsExactly("evil.bpmn");
    }

    @Test
    void a_bpmn_file_that_is_no_model_is_refused() {
        refused(Map.of("notes.bpmn", bytes("just some notes")), "publish.refused.not-bpmn");
    }

    @Test
    void a_form_file_that_is_no_camunda_form_is_refused() {
        Map<String, byte[]> upload = TestModel.of("publish-broken-form").upload();
        upload.put("broken.form", bytes("{ \"components\": "));
        assertThat(refused(upload, "publish.refused.not-a-form").arguments()).containsExactly("broken.form");
    }

    @Test
    void a_file_of_another_type_is_refused() {
        refused(Map.of("script.js", bytes("alert(1)")), "publish.refused.file-type");
    }

    @Test
    void a_model_without_an_executable_process_is_refused() {
        Map<String, byte[]> upload = TestModel.of("publish-idle").upload();
        upload.put("publish-idle.bpmn", bytes(TestModel.of("publish-idle").xml()
                .replace("isExecutable=\"true\"", "isExecutable=\"false\"")));
        refused(upload, "publish.refused.no-executable-process");
    }

    @Test
    void what_the_engine_refuses_is_refused_with_its_message() {
        Map<String, byte[]> upload = TestModel.of("publish-engine").upload();
        upload.put("publish-engine.bpmn", bytes(TestModel.of("publish-engine").xml()
                .replace("bpmn:userTask", "bpmn:serviceTask")));
        assertThat(refused(upload, "publish.refused.engine").arguments().get(0)).isNotBlank();
    }

    @Test
    void a_form_ref_with_binding_deployment_needs_that_form_id_in_the_upload() {
        Map<String, byte[]> upload = TestModel.of("publish-missing-form")
                .task("camunda:formRef=\"publish-not-uploaded\" camunda:formRefBinding=\"deployment\"").upload();
        assertThat(refused(upload, "publish.refused.missing-form").arguments())
                .containsExactly("UserTask_Handle", "publish-not-uploaded");
    }

    @Test
    void a_deployment_form_key_needs_a_file_of_that_name_in_the_upload() {
        Map<String, byte[]> upload = TestModel.of("publish-missing-file")
                .start("camunda:formKey=\"camunda-forms:deployment:forms/request.form\"").upload();
        upload.put("request.form", simpleForm("publish-missing-file-request"));
        assertThat(refused(upload, "publish.refused.missing-form-resource").arguments())
                .containsExactly("StartEvent_Requested", "camunda-forms:deployment:forms/request.form");
    }

    @Test
    void a_form_ref_with_binding_latest_needs_the_form_in_the_upload_or_published() {
        Map<String, byte[]> upload = TestModel.of("publish-unknown-form")
                .task("camunda:formRef=\"publish-never-published\" camunda:formRefBinding=\"latest\"").upload();
        assertThat(refused(upload, "publish.refused.unknown-form").arguments())
                .containsExactly("UserTask_Handle", "publish-never-published");
    }

    @Test
    void a_form_ref_with_binding_version_needs_that_version_published_or_made_by_this_upload() {
        Map<String, byte[]> upload = TestModel.of("publish-unknown-version")
                .task("camunda:formRef=\"publish-versioned\" camunda:formRefBinding=\"version\" "
                        + "camunda:formRefVersion=\"2\"").upload();
        upload.put("versioned.form", simpleForm("publish-versioned"));
        assertThat(refused(upload, "publish.refused.unknown-form-version").arguments())
                .as("the upload would make version 1").containsExactly("UserTask_Handle", "publish-versioned", "2", "0");
    }

    @Test
    void a_form_ref_without_binding_is_refused_as_camunda_7_refuses_it() {
        // Camunda Modeler 4.11 left the attribute out for "latest"
        TestModel model = TestModel.of("publish-no-binding").task("camunda:formRef=\"" + PublishFixtures.SIMPLE_FORM_ID
                + "\"");
        assertThat(refused(model.upload(), "publish.refused.form-ref-binding").arguments())
                .containsExactly("UserTask_Handle", PublishFixtures.SIMPLE_FORM_ID);
        assertThatThrownBy(() -> repositoryService.createDeployment().addString("no-binding.bpmn", model.xml())
                .deploy()).as("the engine itself").hasMessageContaining("formRefBinding");
    }

    @Test
    void a_form_ref_version_must_be_a_version_number() {
        Map<String, byte[]> upload = TestModel.of("publish-bad-version")
                .task("camunda:formRef=\"" + PublishFixtures.SIMPLE_FORM_ID + "\" camunda:formRefBinding=\"version\" "
                        + "camunda:formRefVersion=\"first\"").upload();
        assertThat(refused(upload, "publish.refused.form-ref-version").arguments())
                .containsExactly("UserTask_Handle", "first");
    }

    @Test
    void a_form_link_that_is_an_expression_cannot_be_checked_and_is_refused() {
        Map<String, byte[]> upload = TestModel.of("publish-expression")
                .task("camunda:formRef=\"${formId}\" camunda:formRefBinding=\"latest\"").upload();
        assertThat(refused(upload, "publish.refused.form-link-expression").arguments())
                .containsExactly("UserTask_Handle", "${formId}");
    }

    @Test
    void an_app_form_key_needs_a_form_packaged_with_loket_even_if_the_upload_has_one_of_that_name() {
        Map<String, byte[]> upload = TestModel.of("publish-missing-app-form")
                .start("camunda:formKey=\"camunda-forms:app:nowhere.form\"").upload();
        upload.put("nowhere.form", simpleForm("publish-nowhere"));
        assertThat(refused(upload, "publish.refused.missing-app-form").arguments())
                .containsExactly("StartEvent_Requested", "camunda-forms:app:nowhere.form");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            embedded-start | StartEvent_Requested | embedded:app:forms/start.html
            embedded-task  | UserTask_Handle      | embedded:deployment:approve.html
            plain-key-task | UserTask_Handle      | approve-form
            generated-task | UserTask_Handle      | camunda:formField
            """)
    void a_form_loket_cannot_render_is_refused(String name, String element, String link) {
        TestModel model = TestModel.of("publish-unrenderable-" + name);
        String formKey = "camunda:formKey=\"" + link + "\"";
        if (link.equals("camunda:formField")) {
            model = model.taskBody("""
                    <bpmn:extensionElements><camunda:formData>
                      <camunda:formField id="approved" label="Approved?" type="boolean"/>
                    </camunda:formData></bpmn:extensionElements>""");
        } else if (element.startsWith("StartEvent")) {
            model = model.start(formKey);
        } else {
            model = model.task(formKey);
        }
        assertThat(refused(model.upload(), "publish.refused.unrenderable-form").arguments())
                .containsExactly(element, link);
    }

    @Test
    void a_catalogue_process_without_a_start_form_or_start_view_is_refused() {
        Map<String, byte[]> upload = TestModel.of("publish-no-start-form").start("").upload();
        assertThat(refused(upload, "publish.refused.no-start-form").arguments())
                .containsExactly("publish-no-start-form");
    }

    @Test
    void a_form_with_components_loket_cannot_show_is_refused_with_the_components() {
        Map<String, byte[]> upload = TestModel.of("publish-scanner")
                .start("camunda:formRef=\"publish-scanner-request\" camunda:formRefBinding=\"deployment\"").upload();
        upload.putAll(files("scanner-request.form"));
        assertThat(refused(upload, "publish.refused.unsupported-components").arguments()).containsExactly(
                "scanner-request.form", "filepicker (key 'scan'), documentPreview (id 'Field_1bcd567')");
    }

    @Test
    void two_forms_with_one_id_are_refused() {
        Map<String, byte[]> upload = TestModel.of("publish-twice").upload();
        upload.put("simple-copy.form", bytes(PublishFixtures.SIMPLE_FORM));
        assertThat(refused(upload, "publish.refused.duplicate-form-id").arguments())
                .containsExactly(PublishFixtures.SIMPLE_FORM_ID, "simple-request.form, simple-copy.form");
    }

    @Test
    void after_a_refused_upload_nothing_new_is_in_the_catalogue() {
        users.loginAs("emma");
        var before = catalog.items(Locale.ENGLISH).stream().map(CatalogItem::processKey).toList();
        users.loginAs("ada");
        Map<String, byte[]> upload = files("hardware-request.bpmn", "hardware-request.form", "hardware-check.form",
                "badge-request.bpmn", "badge-request.form", "badge-handout.form");
        upload.putAll(files("scanner-request.form"));

        refused(upload, "publish.refused.unsupported-components");

        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey)
                .containsExactlyElementsOf(before);
    }

    /** Refused for this reason (among others perhaps), nothing deployed, and the reason has both languages. */
    private UploadRefusedException.Reason refused(Map<String, byte[]> upload, String messageKey) {
        long deployments = repositoryService.createDeploymentQuery().count();
        Throwable thrown = catchThrowable(() -> publishing.publish("refused", upload));
        assertThat(thrown).isInstanceOf(UploadRefusedException.class);
        assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
        assertThat(EN).containsKey(messageKey);
        assertThat(NL).containsKey(messageKey);
        return ((UploadRefusedException) thrown).reasons().stream()
                .filter(reason -> reason.messageKey().equals(messageKey)).findFirst()
                .orElseThrow(() -> new AssertionError("not refused for " + messageKey + ": "
                        + ((UploadRefusedException) thrown).reasons()));
    }
}
