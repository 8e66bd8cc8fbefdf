package nl.loket.forms;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import nl.loket.forms.ui.FormRenderer;
import nl.loket.workflow.FeelEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasHelper;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.shared.HasPrefix;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.data.provider.HasListDataView;

/**
 * The form-js compatibility suite: for each component type and property of form-js 1.8.7 (the version Camunda 7.24's
 * Tasklist ships), a form written for the test in {@code src/test/resources/form-compat/}, with what Loket must show
 * (component, label, required, read-only, visible, value, options, adorners) and, for each submission, exactly the
 * variables form-js and Tasklist would store (names, types, values) or the errors per field. The expectations are
 * form-js's behaviour as read in its source (Form.js {@code _getSubmitData}, the components' {@code emptyValue},
 * core/Validator.js) and Tasklist's (cam-tasklist-form-camunda.js: primitives sent untyped, lists and objects as Json).
 */
class FormCompatibilityTest {

    private static final Path CASES = Path.of("src/test/resources/form-compat");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    static Stream<Arguments> cases() {
        return files().map(file -> Arguments.of(file.getFileName().toString(), read(file)));
    }

    static Stream<Arguments> submissions() {
        return files().flatMap(file -> {
            JsonNode spec = read(file);
            List<Arguments> all = new ArrayList<>();
            spec.path("submissions").forEach(submission -> all.add(Arguments.of(
                    file.getFileName() + ": " + submission.path("name").asText(), spec, submission)));
            return all.stream();
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void the_form_is_shown_as_form_js_shows_it(String file, JsonNode spec) {
        FormRenderer form = new FormRenderer(parse(spec), new FeelEvaluator(), context(spec), ZONE);
        JsonNode rendered = spec.path("rendered");
        for (JsonNode expected : rendered.path("inputs")) {
            String path = expected.path("path").asText();
            HasValue<?, ?> input = form.input(path);
            Component component = (Component) input;
            assertThat(component.getClass().getSimpleName()).as(path).isEqualTo(expected.path("component").asText());
            assertThat(((HasLabel) component).getLabel()).as(path + " label").isEqualTo(expected.path("label").asText());
            assertThat(input.isRequiredIndicatorVisible()).as(path + " required")
                    .isEqualTo(expected.path("required").asBoolean(false));
            if (expected.has("readOnly")) {
                assertThat(input.isReadOnly()).as(path + " read-only").isEqualTo(expected.path("readOnly").asBoolean());
            }
            assertThat(shown(component, form)).as(path + " visible").isEqualTo(expected.path("visible").asBoolean(true));
            if (expected.has("helper")) {
                assertThat(((HasHelper) component).getHelperText()).isEqualTo(expected.path("helper").asText());
            }
            if (expected.has("prefix")) {
                assertThat(text(((HasPrefix) component).getPrefixComponent())).isEqualTo(expected.path("prefix").asText());
            }
            if (expected.has("suffix")) {
                assertThat(text(((HasSuffix) component).getSuffixComponent())).isEqualTo(expected.path("suffix").asText());
            }
            Object value = plain(input.getValue());
            if (expected.has("value")) {
                assertThat(value).as(path + " value").isEqualTo(JSON.convertValue(expected.get("value"), Object.class));
            } else {
                assertThat(value).as(path + " starts empty").satisfiesAnyOf(
                        v -> assertThat(v).isNull(), v -> assertThat(v).isEqualTo(""),
                        v -> assertThat(v).isEqualTo(false), v -> assertThat(v).isEqualTo(List.of()));
            }
            if (expected.has("options")) {
                assertThat(optionLabels(input)).as(path + " options")
                        .isEqualTo(JSON.convertValue(expected.get("options"), List.class));
            }
        }
        for (JsonNode absent : rendered.path("absent")) {
            assertThat(inputAt(form, absent.asText())).as(absent.asText() + " is not shown").isFalse();
        }
        if (rendered.has("markdown")) {
            assertThat(_find(form, Markdown.class).stream().map(Markdown::getContent).toList())
                    .isEqualTo(JSON.convertValue(rendered.get("markdown"), List.class));
        }
        if (rendered.has("headings")) {
            assertThat(_find(form, H4.class).stream().map(H4::getText).toList())
                    .isEqualTo(JSON.convertValue(rendered.get("headings"), List.class));
        }
        rendered.path("components").fields().forEachRemaining(entry -> assertThat(
                descendants(form).stream().filter(c -> c.getClass().getSimpleName().equals(entry.getKey())).count())
                .as(entry.getKey()).isEqualTo(entry.getValue().asLong()));
        if (rendered.has("gridRows")) {
            Grid<?> grid = _find(form, Grid.class).get(0);
            assertThat(grid.getGenericDataView().getItems().count()).isEqualTo(rendered.get("gridRows").asLong());
        }
        if (rendered.has("gridHeaders")) {
            List<List<String>> headers = _find(form, Grid.class).stream().map(grid -> ((Grid<?>) grid).getColumns()
                    .stream().map(column -> column.getHeaderText()).toList()).toList();
            assertThat(headers).isEqualTo(JSON.convertValue(rendered.get("gridHeaders"), List.class));
        }
        rendered.path("lists").fields().forEachRemaining(entry ->
                assertThat(form.rowCount(entry.getKey())).as(entry.getKey()).isEqualTo(entry.getValue().asInt()));
        if (rendered.has("rows")) {
            for (JsonNode row : rendered.get("rows")) {
                List<Component> cells = new ArrayList<>();
                row.forEach(path -> cells.add((Component) form.input(path.asText())));
                assertThat(cells.stream().map(c -> c.getParent().orElseThrow()).distinct())
                        .as("one row: " + row).hasSize(1);
            }
        }
        assertThat(form.hasOwnSubmitButton()).isEqualTo(rendered.path("ownSubmitButton").asBoolean(false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("submissions")
    void a_submission_stores_what_tasklist_stores(String name, JsonNode spec, JsonNode submission) {
        LocalDate today = LocalDate.parse(spec.path("today").asText("2026-11-27"));
        Clock clock = Clock.fixed(today.atTime(12, 0).atZone(ZONE).toInstant(), ZONE);
        FormSubmissionValidator validator = new FormSubmissionValidator(new FeelEvaluator(), clock, ZONE);
        @SuppressWarnings("unchecked")
        Map<String, Object> submitted = JSON.convertValue(submission.path("submit"), Map.class);
        FormValidation result = validator.validate(parse(spec), submitted, context(spec));

        if (submission.has("errors")) {
            Map<String, String> errors = new LinkedHashMap<>();
            result.errors().forEach((path, error) -> errors.put(path,
                    error.messageKey().substring("form.validation.".length())));
            assertThat(errors).isEqualTo(JSON.convertValue(submission.get("errors"), Map.class));
            assertThat(result.values()).as("nothing to store").isEmpty();
        } else {
            assertThat(result.errors()).isEmpty();
            Map<String, Map<String, Object>> stored = new LinkedHashMap<>();
            result.values().forEach((variable, value) -> stored.put(variable, typed(value)));
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> expected = JSON.convertValue(submission.get("stored"), Map.class);
            assertThat(stored).isEqualTo(expected);
        }
    }

    /** A value as Tasklist would send it: its engine type, and the value (Json compared as JSON). */
    private static Map<String, Object> typed(Object value) {
        String type = value == null ? "Null" : value instanceof Collection<?> || value instanceof Map<?, ?> ? "Json"
                : value.getClass().getSimpleName();
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("type", type);
        typed.put("value", JSON.convertValue(value, Object.class));
        return typed;
    }

    private static boolean inputAt(FormRenderer form, String path) {
        try {
            form.input(path);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static boolean shown(Component component, Component root) {
        for (Component c = component; c != null && c != root; c = c.getParent().orElse(null)) {
            if (!c.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private static List<Component> descendants(Component root) {
        List<Component> all = new ArrayList<>();
        root.getChildren().forEach(child -> {
            all.add(child);
            all.addAll(descendants(child));
        });
        return all;
    }

    private static String text(Component component) {
        return component == null ? null : component.getElement().getText();
    }

    private static List<String> optionLabels(HasValue<?, ?> input) {
        @SuppressWarnings("unchecked")
        var items = ((HasListDataView<FormField.Option, ?>) input).getListDataView().getItems();
        return items.map(FormField.Option::label).toList();
    }

    /** A component's value as form data: options as their values, numbers as JSON numbers, dates as text. */
    private static Object plain(Object value) {
        if (value instanceof FormField.Option option) {
            return option.value();
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(FormCompatibilityTest::plain).toList();
        }
        if (value instanceof BigDecimal number) {
            return number.stripTrailingZeros().scale() <= 0 ? (Object) number.intValue() : (Object) number.doubleValue();
        }
        if (value instanceof LocalDate || value instanceof LocalTime || value instanceof LocalDateTime) {
            return value.toString();
        }
        return value;
    }

    private static FormSchema parse(JsonNode spec) {
        return new FormSchemaParser().parse(spec.get("form").toString());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> context(JsonNode spec) {
        return spec.has("context") ? JSON.convertValue(spec.get("context"), Map.class) : Map.of();
    }

    private static Stream<Path> files() {
        try (Stream<Path> files = Files.list(CASES)) {
            List<Path> all = files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(all).isNotEmpty();
            return all.stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
