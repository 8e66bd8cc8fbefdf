package nl.loket.forms.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.loket.forms.FormField;
import nl.loket.forms.FormSchemaParser;
import nl.loket.workflow.FeelEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;

/** The renderer on its own (browserless, no Spring): options from variables, defaults, values for the server. */
class FormRendererTest {

    private static final String FORM = """
            {"id":"renderer","components":[
              {"type":"select","id":"Field_Size","key":"size","label":"Size","valuesKey":"sizes"},
              {"type":"taglist","id":"Field_Tags","key":"tags","label":"Tags","valuesKey":"tagOptions"},
              {"type":"textfield","id":"Field_Name","key":"name","label":"Name","defaultValue":"Emma"},
              {"type":"textfield","id":"Field_Secret","key":"secret","label":"Secret","readonly":true,"defaultValue":"x"}
            ]}""";

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    @SuppressWarnings("unchecked")
    void options_come_from_the_variable_named_by_values_key() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(FORM), new FeelEvaluator(), Map.of(
                "sizes", List.of(Map.of("label", "Small", "value", "s"), Map.of("label", "Large", "value", "l")),
                "tagOptions", List.of("urgent", "vip")));
        Select<FormField.Option> size = (Select<FormField.Option>) form.input("size");
        assertThat(size.getListDataView().getItems().map(FormField.Option::label)).containsExactly("Small", "Large");
        MultiSelectComboBox<FormField.Option> tags = (MultiSelectComboBox<FormField.Option>) form.input("tags");
        assertThat(tags.getListDataView().getItems().map(FormField.Option::value)).containsExactly("urgent", "vip");

        size.setValue(size.getListDataView().getItems().filter(o -> "l".equals(o.value())).findFirst().orElseThrow());
        assertThat(form.values()).containsEntry("size", "l").containsEntry("name", "Emma")
                .as("read-only fields are not submitted").doesNotContainKey("secret");
        assertThat(((TextField) form.input("secret")).isReadOnly()).isTrue();
    }

    @Test
    void without_the_variable_there_are_no_options_and_no_crash() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(FORM), new FeelEvaluator());
        assertThat(form.values()).as("every field that may be changed, empty ones as form-js holds them")
                .containsEntry("name", "Emma").containsEntry("size", null).containsEntry("tags", List.of())
                .doesNotContainKey("secret");
    }

    private static final String INTERACTIVE = """
            {"id":"interactive","components":[
              {"type":"checkbox","id":"Field_Lock","key":"lock","label":"Lock"},
              {"type":"textfield","id":"Field_Code","key":"code","label":"Code","readonly":"=lock",
               "properties":{"loket:label:nl":"Kenmerk"}},
              {"type":"select","id":"Field_Pick","key":"pick","label":"Pick","searchable":true,
               "values":[{"label":"One","value":"1"},{"label":"Two","value":"2"}]},
              {"type":"textfield","id":"Field_Name","key":"name","label":"Name","defaultValue":"Emma"},
              {"type":"text","id":"Text_Greeting","text":"=\\"Hello \\" + requester"},
              {"type":"button","id":"Button_Reset","action":"reset","label":"Start over"},
              {"type":"button","id":"Button_Submit","action":"submit","label":"Send"}
            ]}""";

    @Test
    void a_feel_read_only_expression_is_re_evaluated_on_every_change() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(INTERACTIVE), new FeelEvaluator());
        TextField code = (TextField) form.input("code");
        code.setValue("K-1");
        assertThat(code.isReadOnly()).isFalse();
        assertThat(form.values()).containsEntry("code", "K-1");

        ((Checkbox) form.input("lock")).setValue(true);
        assertThat(code.isReadOnly()).isTrue();
        assertThat(form.values()).as("a locked field is not submitted").doesNotContainKey("code");
    }

    @Test
    void the_forms_own_buttons_submit_and_reset() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(INTERACTIVE), new FeelEvaluator());
        assertThat(form.hasOwnSubmitButton()).isTrue();
        List<Map<String, Object>> submitted = new java.util.ArrayList<>();
        form.addSubmitListener(() -> submitted.add(form.values()));
        ((TextField) form.input("name")).setValue("Mark");

        _click(_get(form, Button.class, spec -> spec.withText("Send")));
        assertThat(submitted).singleElement().satisfies(values -> assertThat(values).containsEntry("name", "Mark"));

        _click(_get(form, Button.class, spec -> spec.withText("Start over")));
        assertThat(((TextField) form.input("name")).getValue()).as("back to the default").isEqualTo("Emma");
        assertThat(submitted).as("reset does not submit").hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_searchable_select_is_a_combo_box_and_texts_follow_the_ui_language() {
        UI.getCurrent().setLocale(Locale.forLanguageTag("nl"));
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(INTERACTIVE), new FeelEvaluator());
        ComboBox<FormField.Option> pick = (ComboBox<FormField.Option>) form.input("pick");
        pick.setValue(pick.getGenericDataView().getItems().filter(o -> "2".equals(o.value())).findFirst()
                .orElseThrow());
        assertThat(form.values()).containsEntry("pick", "2");
        assertThat(((TextField) form.input("code")).getLabel()).isEqualTo("Kenmerk");
        assertThat(((TextField) form.input("name")).getLabel()).as("untranslated: as in the form").isEqualTo("Name");
    }

    @Test
    void a_text_may_be_a_feel_expression_over_the_forms_variables() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(INTERACTIVE), new FeelEvaluator(),
                Map.of("requester", "Emma"));
        assertThat(_get(form, com.vaadin.flow.component.markdown.Markdown.class).getContent()).isEqualTo("Hello Emma");
    }

    private static final String ROWS = """
            {"id":"rows","components":[
              {"type":"dynamiclist","id":"List_Items","path":"items","label":"Items","defaultRepetitions":1,
               "components":[
                 {"type":"textfield","id":"Field_Name","key":"name","label":"Item","validate":{"required":true}},
                 {"type":"number","id":"Field_Count","key":"count","label":"Count"},
                 {"type":"textfield","id":"Field_Note","key":"note","label":"Note","conditional":{"hide":"=count < 5"}}
               ]},
              {"type":"datetime","subtype":"time","id":"Field_At","key":"at","timeLabel":"At",
               "timeSerializingFormat":"utc_offset"},
              {"type":"datetime","subtype":"datetime","id":"Field_When","key":"when","dateLabel":"When",
               "timeSerializingFormat":"utc_normalized"}
            ]}""";

    @Test
    void rows_of_a_dynamic_list_are_added_removed_and_renumbered() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(ROWS), new FeelEvaluator());
        assertThat(form.rowCount("items")).as("defaultRepetitions").isEqualTo(1);
        form.addRow("items");
        form.addRow("items");
        ((TextField) form.input("items[0].name")).setValue("Laptop");
        ((com.vaadin.flow.component.textfield.BigDecimalField) form.input("items[0].count"))
                .setValue(java.math.BigDecimal.ONE);
        ((TextField) form.input("items[1].name")).setValue("Mouse");
        ((TextField) form.input("items[2].name")).setValue("Screen");
        ((com.vaadin.flow.component.textfield.BigDecimalField) form.input("items[2].count"))
                .setValue(new java.math.BigDecimal("6"));

        form.removeRow("items", 1);

        assertThat(form.rowCount("items")).isEqualTo(2);
        assertThat(((TextField) form.input("items[1].name")).getValue()).as("the rows after it move up")
                .isEqualTo("Screen");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rows = (List<Map<String, Object>>) form.values().get("items");
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).containsEntry("name", "Laptop").containsEntry("count", java.math.BigDecimal.ONE)
                .as("hidden in its own row: count < 5").doesNotContainKey("note");
        assertThat(rows.get(1)).containsEntry("name", "Screen").containsEntry("note", "")
                .containsKey("count");
    }

    @Test
    void errors_are_shown_at_the_row_they_belong_to() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(ROWS), new FeelEvaluator());
        form.addRow("items");
        form.showErrors(Map.of("items[1].name", new nl.loket.forms.FieldError("form.validation.required", List.of())));
        assertThat(((TextField) form.input("items[0].name")).isInvalid()).isFalse();
        assertThat(((TextField) form.input("items[1].name")).isInvalid()).isTrue();
    }

    @Test
    void a_row_list_starts_from_the_data_and_times_are_submitted_as_form_js_writes_them() {
        FormRenderer form = new FormRenderer(new FormSchemaParser().parse(ROWS), new FeelEvaluator(),
                Map.of("items", List.of(Map.of("name", "A"), Map.of("name", "B"), Map.of("name", "C")),
                        "at", "14:30+01:00"),
                java.time.ZoneId.of("Europe/Amsterdam"));
        assertThat(form.rowCount("items")).as("one row per item in the data").isEqualTo(3);
        assertThat(((TextField) form.input("items[2].name")).getValue()).isEqualTo("C");
        com.vaadin.flow.component.timepicker.TimePicker at =
                (com.vaadin.flow.component.timepicker.TimePicker) form.input("at");
        assertThat(at.getValue()).as("shown in Amsterdam time").isEqualTo(java.time.LocalTime.of(14, 30));

        ((com.vaadin.flow.component.datetimepicker.DateTimePicker) form.input("when"))
                .setValue(java.time.LocalDateTime.of(2026, 7, 1, 9, 15));
        assertThat(form.values()).containsEntry("at", "14:30+01:00")
                .as("summer time, normalised to UTC").containsEntry("when", "2026-07-01T07:15Z");
    }
}
