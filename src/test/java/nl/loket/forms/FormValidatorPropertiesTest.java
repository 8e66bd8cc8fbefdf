package nl.loket.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.loket.ProcessModels;
import nl.loket.workflow.FeelEvaluator;

/**
 * Random, oversized, unicode and script-carrying input against the server-side validator, for every form in
 * forms/ and the test fixtures: nothing escapes, invalid input is always refused, valid input always accepted.
 */
class FormValidatorPropertiesTest {

    private static final FormSchemaParser PARSER = new FormSchemaParser();
    private static final FormSubmissionValidator VALIDATOR = new FormSubmissionValidator(new FeelEvaluator(), java.time.Clock.systemDefaultZone());
    private static final List<FormSchema> FORMS = allForms();

    @Property(tries = 200)
    void anything_submitted_to_any_form_gives_a_verdict_and_never_an_exception(
            @ForAll("forms") FormSchema form, @ForAll("submissions") Map<String, Object> submitted) {
        FormValidation result = VALIDATOR.validate(form, submitted, Map.of());
        assertThat(result.isValid()).isEqualTo(result.errors().isEmpty());
        if (result.isValid()) {
            List<String> keys = form.inputs().stream().map(FormField::key).toList();
            assertThat(result.values().keySet()).allMatch(keys::contains);
            assertThat(result.values().values()).allMatch(FormValidatorPropertiesTest::withinLimits);
        } else {
            assertThat(result.values()).as("nothing to store when refused").isEmpty();
        }
    }

    @Property(tries = 200)
    void an_unexpected_field_is_always_refused(@ForAll("forms") FormSchema form,
                                               @ForAll("submissions") Map<String, Object> submitted,
                                               @ForAll("unexpectedKeys") String key) {
        Map<String, Object> tampered = new HashMap<>(submitted);
        tampered.put(key, "<script>alert(1)</script>");
        FormValidation result = VALIDATOR.validate(form, tampered, Map.of());
        assertThat(result.isValid()).isFalse();
        assertThat(result.errors()).containsKey(key);
    }

    @Property(tries = 40)
    void oversized_text_is_always_refused_even_where_the_form_sets_no_limit(
            @ForAll("visibleTextFields") Map.Entry<FormSchema, FormField> target,
            @ForAll("submissions") Map<String, Object> submitted,
            @ForAll("oversized") String text) {
        Map<String, Object> values = new HashMap<>(submitted);
        values.put(target.getValue().key(), text);
        FormValidation result = VALIDATOR.validate(target.getKey(), values, Map.of());
        assertThat(result.errors()).containsKey(target.getValue().key());
    }

    @Provide
    Arbitrary<Map.Entry<FormSchema, FormField>> visibleTextFields() {
        List<Map.Entry<FormSchema, FormField>> fields = FORMS.stream().flatMap(form -> form.inputs().stream()
                        .filter(f -> f.hideWhen() == null && !f.isLocked())
                        .filter(f -> f.type().equals(FormFieldType.TEXTFIELD) || f.type().equals(FormFieldType.TEXTAREA))
                        .map(f -> Map.entry(form, f)))
                .toList();
        assertThat(fields).isNotEmpty();
        return Arbitraries.of(fields);
    }

    @Provide
    Arbitrary<String> oversized() {
        return Arbitraries.strings().all().ofMinLength(FormSubmissionValidator.MAX_TEXT_LENGTH + 1).ofMaxLength(12_000);
    }

    @Property(tries = 200)
    void a_valid_laptop_request_is_always_accepted(@ForAll("validAllComponents") Map<String, Object> submitted) {
        FormSchema form = FORMS.stream().filter(f -> "all-components".equals(f.id())).findFirst().orElseThrow();
        FormValidation result = VALIDATOR.validate(form, submitted, Map.of("softwareOptions", List.of("git")));
        assertThat(result.errors()).isEmpty();
        assertThat(result.values()).containsKeys("name", "model", "screens");
    }

    @Provide
    Arbitrary<FormSchema> forms() {
        return Arbitraries.of(FORMS);
    }

    @Provide
    Arbitrary<Map<String, Object>> submissions() {
        Arbitrary<String> keys = Arbitraries.oneOf(
                Arbitraries.of(FORMS.stream().flatMap(f -> f.inputs().stream()).map(FormField::key).distinct().toList()),
                unexpectedKeys());
        return Arbitraries.maps(keys, values()).ofMaxSize(12);
    }

    @Provide
    Arbitrary<String> unexpectedKeys() {
        return Arbitraries.strings().withChars("abcxyz_$.<>é中").ofMinLength(1).ofMaxLength(12)
                .map(s -> "x_" + s);
    }

    private static Arbitrary<Object> values() {
        Arbitrary<Object> scalars = Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(60).map(Object.class::cast),
                Arbitraries.strings().all().ofMinLength(9_990).ofMaxLength(10_100).map(Object.class::cast),
                Arbitraries.of("<script>alert('x')</script>", "'; drop table service_request; --", "=1+1",
                        "2026-12-24", "24-12-2026", "SN-123456", "true", "NaN", "1e99999", "-0", "large", "mouse",
                        "\u0000", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢").map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.bigDecimals().map(Object.class::cast),
                Arbitraries.of(true, false).map(Object.class::cast),
                Arbitraries.just(null));
        Arbitrary<Object> small = Arbitraries.oneOf(Arbitraries.strings().ofMaxLength(20).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast), Arbitraries.of("mouse", "headset", "git"));
        return Arbitraries.oneOf(scalars,
                small.list().ofMaxSize(120).map(Object.class::cast),
                Arbitraries.maps(Arbitraries.strings().ofMaxLength(5), scalars).ofMaxSize(3).map(Object.class::cast));
    }

    @Provide
    Arbitrary<Map<String, Object>> validAllComponents() {
        Arbitrary<String> name = Arbitraries.strings().alpha().ofMinLength(2).ofMaxLength(50);
        Arbitrary<Integer> screens = Arbitraries.integers().between(1, 3);
        Arbitrary<String> model = Arbitraries.of("small", "large");
        Arbitrary<List<String>> extras = Arbitraries.of("mouse", "headset").set().map(ArrayList::new);
        Arbitrary<BigDecimal> budget = Arbitraries.bigDecimals().between(BigDecimal.ZERO, new BigDecimal("100000"))
                .ofScale(2);
        Arbitrary<Boolean> urgent = Arbitraries.of(true, false);
        return Combinators.combine(name, screens, model, extras, budget, urgent).as((n, s, m, e, b, u) -> {
            Map<String, Object> values = new HashMap<>();
            values.put("name", n);
            values.put("screens", s);
            values.put("model", m);
            values.put("extras", e);
            values.put("budget", b);
            values.put("urgent", u);
            values.put("costCentre", "CC-0042");
            values.put("software", List.of("git"));
            if (u) {
                values.put("urgencyReason", "Needed for " + n);
            }
            return values;
        });
    }

    private static boolean withinLimits(Object value) {
        if (value instanceof String text) {
            return text.length() <= FormSubmissionValidator.MAX_TEXT_LENGTH;
        }
        if (value instanceof List<?> list) {
            return list.size() <= FormSubmissionValidator.MAX_LIST_SIZE;
        }
        return true;
    }

    private static List<FormSchema> allForms() {
        try (Stream<Path> fixtures = Files.list(Path.of("src/test/resources/form-fixtures"));
             Stream<Path> requestTypes = Files.list(Path.of("src/test/resources/form-request-types"))) {
            List<Path> files = new ArrayList<>(ProcessModels.formFiles());
            fixtures.forEach(files::add);
            requestTypes.filter(p -> p.toString().endsWith(".form")).forEach(files::add);
            assertThat(files).isNotEmpty();
            return files.stream().map(FormValidatorPropertiesTest::read).map(PARSER::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
