package nl.loket.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.loket.workflow.FeelEvaluator;
import org.junit.jupiter.api.Test;

/** Form-js features beyond the basic rules: past dates, FEEL read-only, date labels, translations, buttons. */
class FormFeaturesTest {

    private static final ZoneId ZONE = ZoneId.systemDefault();
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);
    private static final Clock CLOCK = Clock.fixed(TODAY.atTime(15, 0).atZone(ZONE).toInstant(), ZONE);
    private static final FormSubmissionValidator VALIDATOR = new FormSubmissionValidator(new FeelEvaluator(), CLOCK);

    private static final FormSchema FORM = new FormSchemaParser().parse("""
            {"id":"features","components":[
              {"type":"datetime","subtype":"date","dateLabel":"Until","id":"Field_Until","key":"until",
               "disallowPassedDates":true,
               "properties":{"loket:label:nl":"Tot en met","loket:description:nl":"Leeg is blijvend"}},
              {"type":"checkbox","id":"Field_Locked","key":"locked","label":"Locked"},
              {"type":"textfield","id":"Field_Code","key":"code","label":"Code","readonly":"=locked",
               "validate":{"required":true}},
              {"type":"radio","id":"Field_Choice","key":"choice","label":"Choice",
               "values":[{"label":"Yes","value":"y"},{"label":"No","value":"n"}],
               "properties":{"loket:option:y:nl":"Ja","other":"kept"}},
              {"type":"group","id":"Group_More","label":"More","properties":{"loket:label:nl":"Meer"},"components":[
                {"type":"text","id":"Text_Help","text":"Help","properties":{"loket:text:nl":"Hulp"}}]},
              {"type":"button","id":"Button_Reset","action":"reset","label":"Start over"}
            ]}""");

    @Test
    void disallow_passed_dates_refuses_yesterday_and_accepts_today() {
        assertThat(VALIDATOR.validate(FORM, Map.of("until", TODAY.minusDays(1).toString(), "code", "A"), Map.of())
                .errors()).containsEntry("until", new FieldError("form.validation.past-date", List.of()));
        FormValidation today = VALIDATOR.validate(FORM, Map.of("until", TODAY.toString(), "code", "A"), Map.of());
        assertThat(today.isValid()).isTrue();
        assertThat(today.values().get("until")).as("stored as form-js stores a date").isEqualTo("2026-11-27");
    }

    @Test
    void a_feel_read_only_expression_locks_the_field_only_while_it_is_true() {
        FormValidation locked = VALIDATOR.validate(FORM, Map.of("locked", true, "code", "tampered"), Map.of());
        assertThat(locked.isValid()).as("a locked field is neither required nor taken").isTrue();
        assertThat(locked.values()).as("form-js submits a read-only field as it stands: here empty")
                .containsEntry("code", "");

        FormValidation open = VALIDATOR.validate(FORM, Map.of("locked", false), Map.of());
        assertThat(open.errors()).containsEntry("code", new FieldError("form.validation.required", List.of()));
        assertThat(VALIDATOR.validate(FORM, Map.of("locked", false, "code", "A"), Map.of()).values())
                .containsEntry("code", "A");
    }

    @Test
    void a_literal_read_only_is_not_an_expression() {
        FormSchema form = new FormSchemaParser().parse("""
                {"id":"literal","components":[
                  {"type":"textfield","id":"Field_A","key":"a","label":"A","readonly":true},
                  {"type":"textfield","id":"Field_B","key":"b","label":"B","disabled":"=x > 1"}]}""");
        assertThat(form.inputs().get(0).isLocked()).isTrue();
        assertThat(form.inputs().get(0).lockedWhen()).isNull();
        assertThat(form.inputs().get(1).isLocked()).isFalse();
        assertThat(form.inputs().get(1).lockedWhen()).isNotNull();
    }

    @Test
    void the_date_label_of_a_datetime_field_is_its_label() {
        assertThat(FORM.inputs().get(0).label()).isEqualTo("Until");
    }

    @Test
    void custom_properties_translate_labels_descriptions_options_and_texts() {
        FormSchema dutch = FORM.localized(Locale.forLanguageTag("nl"));
        FormField until = dutch.inputs().get(0);
        assertThat(until.label()).isEqualTo("Tot en met");
        assertThat(until.description()).isEqualTo("Leeg is blijvend");
        FormField choice = dutch.inputs().get(3);
        assertThat(choice.options()).extracting(FormField.Option::label).containsExactly("Ja", "No");
        FormField group = dutch.components().get(4);
        assertThat(group.label()).isEqualTo("Meer");
        assertThat(group.children().get(0).text()).isEqualTo("Hulp");

        FormSchema english = FORM.localized(Locale.ENGLISH);
        assertThat(english.inputs().get(0).label()).as("no translation: the form's own text").isEqualTo("Until");
        assertThat(english.components().get(4).children().get(0).text()).isEqualTo("Help");
        assertThat(FORM.inputs().get(3).properties()).containsEntry("other", "kept");
    }

    @Test
    void a_reset_button_is_not_a_submit_button() {
        assertThat(FORM.hasSubmitButton()).isFalse();
        FormSchema withSubmit = new FormSchemaParser().parse("""
                {"id":"s","components":[{"type":"group","id":"G","components":[
                  {"type":"button","id":"Button_Go","action":"submit","label":"Go"}]}]}""");
        assertThat(withSubmit.hasSubmitButton()).as("found inside a group too").isTrue();
    }
}
