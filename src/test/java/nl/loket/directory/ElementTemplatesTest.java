package nl.loket.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/**
 * Loket's element templates hold to the fields of Camunda Modeler's element-template schema for Camunda 7
 * (@camunda/element-templates-json-schema: name, id, appliesTo, properties with a type and a binding of a kind
 * the Modeler knows), and name what the delegates read and write.
 */
class ElementTemplatesTest {

    private static final Path TEMPLATES = Path.of("element-templates");
    private static final Set<String> PROPERTY_TYPES = Set.of("String", "Text", "Hidden", "Dropdown", "Boolean");
    private static final Set<String> BINDING_TYPES = Set.of("property", "camunda:property", "camunda:inputParameter",
            "camunda:outputParameter", "camunda:in", "camunda:out", "camunda:in:businessKey",
            "camunda:executionListener", "camunda:field", "camunda:errorEventDefinition");

    private static List<JsonNode> templates() throws IOException {
        List<JsonNode> all = new ArrayList<>();
        try (var files = Files.list(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode root = new ObjectMapper().readTree(file.toFile());
                if (root.isArray()) {
                    root.forEach(all::add);
                } else {
                    all.add(root);
                }
            }
        }
        return all;
    }

    @Test
    void every_template_has_the_fields_the_modeler_requires_and_only_bindings_it_knows() throws IOException {
        List<JsonNode> templates = templates();
        assertThat(templates).isNotEmpty();
        Set<String> ids = new HashSet<>();
        for (JsonNode template : templates) {
            String id = template.path("id").asText();
            assertThat(template.path("name").asText()).as("name of %s", id).isNotBlank();
            assertThat(ids.add(id)).as("id %s unique", id).isTrue();
            assertThat(template.path("version").isInt()).as("version of %s", id).isTrue();
            assertThat(template.path("appliesTo").isArray()).isTrue();
            template.path("appliesTo").forEach(type -> assertThat(type.asText()).startsWith("bpmn:"));
            assertThat(template.path("properties").isArray()).isTrue();
            for (JsonNode property : template.path("properties")) {
                String type = property.path("type").asText();
                String binding = property.path("binding").path("type").asText();
                assertThat(PROPERTY_TYPES).as("type of a property of %s", id).contains(type);
                assertThat(BINDING_TYPES).as("binding of a property of %s", id).contains(binding);
                if (type.equals("Hidden")) {
                    assertThat(property.has("value")).as("a hidden property of %s has its value", id).isTrue();
                } else {
                    assertThat(property.path("label").asText()).as("label in %s", id).isNotBlank();
                }
                if (type.equals("Boolean")) {
                    assertThat(property.path("value").isBoolean()).isTrue();
                }
                if (binding.equals("camunda:outputParameter")) {
                    assertThat(property.path("binding").path("source").asText()).isNotBlank();
                } else {
                    assertThat(property.path("binding").path("name").asText()).isNotBlank();
                }
            }
        }
    }

    @Test
    void the_directory_group_templates_call_the_delegates_with_their_variables() throws IOException {
        for (String[] expected : new String[][] {
                {DirectoryGroupStep.ADD_TEMPLATE, DirectoryGroupStep.ADD_DELEGATE},
                {DirectoryGroupStep.REMOVE_TEMPLATE, DirectoryGroupStep.REMOVE_DELEGATE}}) {
            JsonNode template = templates().stream().filter(t -> t.path("id").asText().equals(expected[0]))
                    .findFirst().orElseThrow();
            List<String> bound = new ArrayList<>();
            for (JsonNode property : template.path("properties")) {
                JsonNode binding = property.path("binding");
                bound.add(binding.path("type").asText() + " " + binding.path(
                        binding.has("source") ? "source" : "name").asText() + " = " + property.path("value").asText());
            }
            assertThat(bound).contains(
                    "property camunda:delegateExpression = ${" + expected[1] + "}",
                    "property camunda:asyncBefore = true",
                    "camunda:inputParameter " + DirectoryGroupStep.GROUP.name() + " = ",
                    "camunda:inputParameter " + DirectoryGroupStep.USER.name() + " = ${requester}");
            assertThat(bound).anyMatch(b -> b.startsWith("camunda:outputParameter ${"
                    + DirectoryGroupStep.CHANGED.name() + "}"));
        }
    }
}
