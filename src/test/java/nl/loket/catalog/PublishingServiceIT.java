package nl.loket.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import nl.loket.request.FormRequestService;
import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** A process admin publishes a request type made elsewhere; it is live at once, and bad uploads deploy nothing. */
@LoketIntegrationTest
class PublishingServiceIT {

    @Autowired PublishingService publishing;
    @Autowired CatalogService catalog;
    @Autowired FormRequestService formRequests;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TestUsers users;

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void a_published_request_type_is_in_the_catalogue_at_once_and_new_versions_apply_to_new_requests() {
        users.loginAs("ada");
        var published = publishing.publish("parking permit", files("parking-permit", "Equipment loan"));
        assertThat(published.processKeys()).containsExactly("parking-permit");
        assertThat(published.unsupportedComponents()).isEmpty();

        users.loginAs("emma");
        assertThat(catalog.items(Locale.ENGLISH)).extracting(CatalogItem::processKey).contains("parking-permit");
        Request first = formRequests.submit("parking-permit", Map.of("item", "headset", "days", 1), Locale.ENGLISH);
        String firstDefinition = definitionOf(first);

        users.loginAs("ada");
        publishing.publish("parking permit v2", files("parking-permit", "Parking permit"));
        users.loginAs("emma");
        Request second = formRequests.submit("parking-permit", Map.of("item", "headset", "days", 1), Locale.ENGLISH);

        assertThat(definitionOf(first)).as("the running request keeps its version").isEqualTo(firstDefinition);
        assertThat(definitionOf(second)).isNotEqualTo(firstDefinition);
        assertThat(second.summary()).isEqualTo("Parking permit");
    }

    @Test
    void uploads_that_are_not_usable_are_refused_with_reasons_and_nothing_is_deployed() {
        users.loginAs("ada");
        long before = repositoryService.createDeploymentQuery().count();

        assertRefused(Map.of("notes.bpmn", bytes("just some notes")), "publish.refused.not-bpmn");
        assertRefused(Map.of("evil.bpmn", bytes("""
                <?xml version="1.0"?>
                <!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <definitions>&xxe;</definitions>""")), "publish.refused.dtd");
        Map<String, byte[]> notExecutable = files("idle-process", "Idle");
        notExecutable.put("idle-process.bpmn", bytes(new String(notExecutable.get("idle-process.bpmn"),
                StandardCharsets.UTF_8).replace("isExecutable=\"true\"", "isExecutable=\"false\"")));
        assertRefused(notExecutable, "publish.refused.no-executable-process");
        Map<String, byte[]> withoutForms = new LinkedHashMap<>();
        withoutForms.put("formless.bpmn", files("formless", "Formless").get("formless.bpmn"));
        assertRefused(withoutForms, "publish.refused.missing-form");
        assertRefused(Map.of("script.js", bytes("alert(1)")), "publish.refused.file-type");

        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @Test
    void unsupported_form_components_are_named_to_the_admin() {
        users.loginAs("ada");
        Map<String, byte[]> upload = files("kiosk-request", "Kiosk");
        String form = new String(upload.get("kiosk-request-request.form"), StandardCharsets.UTF_8)
                .replace("\"components\": [", "\"components\": [ { \"type\": \"iframe\", \"id\": \"Iframe_Map\" },");
        upload.put("kiosk-request-request.form", bytes(form));
        assertThat(publishing.publish("kiosk", upload).unsupportedComponents())
                .containsExactly("kiosk-request-request: iframe (Iframe_Map)");
    }

    @Test
    void only_process_admins_publish() {
        users.loginAs("emma");
        assertThatThrownBy(() -> publishing.publish("sneaky", files("sneaky", "Sneaky")))
                .isInstanceOf(AccessDeniedException.class);
    }

    private void assertRefused(Map<String, byte[]> upload, String reason) {
        assertThatThrownBy(() -> publishing.publish("bad", upload))
                .isInstanceOfSatisfying(UploadRefusedException.class, e -> assertThat(e.reasons())
                        .extracting(UploadRefusedException.Reason::messageKey).contains(reason));
    }

    private String definitionOf(Request request) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult().getProcessDefinitionId();
    }

    /** The equipment-loan model and forms (test resources) under another key and process name. */
    private static Map<String, byte[]> files(String key, String name) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(key + ".bpmn", bytes(resource("equipment-loan.bpmn").replace("equipment-loan", key)
                .replace("name=\"Equipment loan\"", "name=\"" + name + "\"")));
        files.put(key + "-request.form", bytes(resource("equipment-loan-request.form").replace("equipment-loan", key)));
        files.put(key + "-handover.form", bytes(resource("equipment-loan-handover.form").replace("equipment-loan", key)));
        return files;
    }

    private static String resource(String name) {
        try (InputStream in = PublishingServiceIT.class.getResourceAsStream("/form-request-types/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
