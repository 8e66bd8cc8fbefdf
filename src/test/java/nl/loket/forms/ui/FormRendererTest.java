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
}
