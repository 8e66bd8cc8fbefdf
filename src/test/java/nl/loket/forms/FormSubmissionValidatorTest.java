package nl.loket.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.loket.workflow.FeelEvaluator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Server-side validation of a Camunda Form that uses every supported component, written as Modeler writes it. */
class FormSubmissionValidatorTest {

    static FormSchema form;
    static final FormSubmissionValidator validator = new FormSubmissionValidator(new FeelEvaluator(), java.time.Clock.systemDefaultZone());
    static final Map<String, Object> CONTEXT = Map.of("softwareOptions",
            List.of(Map.of("label", "Visual Studio Code", "value", "vscode"), Map.of("label", "Git", "value", "git")));

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = FormSubmissionValidatorTest.class.getResourceAsStream("/form-fixtures/all-components.form")) {
            form = new FormSchemaParser().parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    static Map<String, Object> valid() {
        Map<String, Object> values = new HashMap<>();
        values.put("name", "Emma Jansen");
        values.put("email", "emma@loket.example");
        values.put("phone", "+31 6 1234 5678");
        values.put("costCentre", "CC-1234");
        values.put("notes", "Second screen please");
        values.put("screens", 2);
        values.put("budget", "1499.50");
        values.put("urgent", true);
        values.put("model", "large");
        values.put("keyboard", "nl");
        values.put("extras", List.of("mouse", "headset"));
        values.put("software", List.of("git"));
        values.put("neededOn", "2026-12-24");
        values.put("urgencyReason", "Starts on Monday");
        return values;
    }

    @Test
    void the_parser_reads_every_supported_component_and_names_the_unsupported_one() {
        assertThat(form.id()).isEqualTo("all-components");
        assertThat(form.inputs()).extracting(FormField::key).containsExactly("name", "email", "phone", "costCentre",
                "notes", "screens", "budget", "urgent", "model", "keyboard", "extras", "software", "neededOn",
                "urgencyReason", "assetTag");
        assertThat(form.unsupported()).as("not in form-js 1.8.7, which Camunda 7.24's Tasklist ships")
                .containsExactly("filepicker (key 'quote')");
    }

    @Test
    void a_valid_submission_gives_typed_values() {
        FormValidation result = validator.validate(form, valid(), CONTEXT);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values())
                .as("as Tasklist stores them").containsEntry("screens", 2)
                .containsEntry("budget", 1499.5d)
                .containsEntry("urgent", true)
                .containsEntry("extras", List.of("mouse", "headset"))
                .containsEntry("software", List.of("git"))
                .containsEntry("neededOn", "2026-12-24")
                .containsEntry("urgencyReason", "Starts on Monday")
                .as("read-only, no default: empty, as form-js submits it").containsEntry("assetTag", "");
    }

    @Test
    void a_hidden_field_is_neither_required_nor_stored() {
        Map<String, Object> values = valid();
        values.put("urgent", false);
        values.remove("urgencyReason");
        FormValidation result = validator.validate(form, values, CONTEXT);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).doesNotContainKey("urgencyReason");

        values.put("urgent", true);
        assertThat(validator.validate(form, values, CONTEXT).errors())
                .containsEntry("urgencyReason", FieldError.of("required"));
    }

    @Test
    void unexpected_fields_and_read_only_fields_are_not_accepted() {
        Map<String, Object> values = valid();
        values.put("isAdmin", true);
        values.put("assetTag", "TAMPERED");
        FormValidation result = validator.validate(form, values, CONTEXT);
        assertThat(result.errors()).containsOnlyKeys("isAdmin");
        assertThat(result.values()).isEmpty();
    }

    @ParameterizedTest(name = "{0} = {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            name       | ''                  | required
            name       | E                   | min-length
            email      | not-an-address      | email
            phone      | call me             | phone
            costCentre | 1234                | pattern
            screens    | 0                   | min
            screens    | 4                   | max
            screens    | two                 | not-a-number
            budget     | 1e999999999         | not-a-number
            urgent     | yes                 | not-a-choice
            model      | medium              | not-a-choice
            keyboard   | de                  | not-a-choice
            neededOn   | 24-12-2026          | not-a-date
            """)
    void each_rule_refuses_what_breaks_it(String key, String value, String error) {
        Map<String, Object> values = valid();
        values.put(key, value);
        FormValidation result = validator.validate(form, values, CONTEXT);
        assertThat(result.errors()).containsOnlyKeys(key);
        assertThat(result.errors().get(key).messageKey()).isEqualTo("form.validation." + error);
        assertThat(result.values()).as("nothing is written when anything is invalid").isEmpty();
    }

    @Test
    void wrongly_typed_and_oversized_values_are_refused() {
        Map<String, Object> values = valid();
        values.put("name", List.of("Emma"));
        values.put("notes", "x".repeat(FormSubmissionValidator.MAX_TEXT_LENGTH + 1));
        values.put("extras", List.of("mouse", "mouse"));
        values.put("software", List.of("vscode", "not-offered"));
        values.put("model", List.of("small"));
        FormValidation result = validator.validate(form, values, CONTEXT);
        assertThat(result.errors()).containsOnlyKeys("name", "notes", "extras", "software", "model");
    }

    @Test
    void tampered_lists_are_field_errors_and_control_characters_are_removed() {
        Map<String, Object> values = valid();
        values.put("extras", java.util.Arrays.asList((Object) null));
        values.put("software", List.of(Map.of("value", "git")));
        values.put("model", java.util.Arrays.asList((Object) null));
        FormValidation result = validator.validate(form, values, CONTEXT);
        assertThat(result.errors()).containsOnlyKeys("extras", "software", "model");

        values = valid();
        values.put("name", "Emma\u0000 Jansen\u0007");
        values.put("notes", "Line one\nLine\ttwo\u001b[31m");
        result = validator.validate(form, values, CONTEXT);
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsEntry("name", "Emma Jansen").containsEntry("notes", "Line one\nLine\ttwo[31m");
    }

    @Test
    void a_required_select_must_be_chosen() {
        Map<String, Object> values = valid();
        values.remove("model");
        assertThat(validator.validate(form, values, CONTEXT).errors()).containsEntry("model", FieldError.of("required"));
    }

    @Test
    void forms_that_are_not_camunda_forms_are_rejected_with_a_reason() {
        FormSchemaParser parser = new FormSchemaParser();
        assertThatThrownBy(() -> parser.parse("<form/>")).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("JSON");
        assertThatThrownBy(() -> parser.parse("{\"id\":\"x\"}")).isInstanceOf(InvalidFormException.class)
                .hasMessageContaining("components");
        assertThatThrownBy(() -> parser.parse("""
                {"components":[{"type":"textfield","key":"a","id":"A"},{"type":"number","key":"a","id":"B"}]}"""))
                .isInstanceOf(InvalidFormException.class).hasMessageContaining("'a'");
    }

    @Test
    void the_forms_in_the_project_parse_without_unsupported_components() throws IOException {
        for (var file : nl.loket.ProcessModels.formFiles()) {
            FormSchema schema = new FormSchemaParser().parse(java.nio.file.Files.readString(file));
            assertThat(schema.unsupported()).as(file.toString()).isEmpty();
        }
    }
}
