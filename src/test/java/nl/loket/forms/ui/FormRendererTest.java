package nl.loket.forms.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.loket.forms.FormField;
import nl.loket.forms.FormSchemaParser;
import nl.loket.workflow.FeelEvaluator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.mvysny.kaributesting.v10.MockVaadin;
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
        assertThat(form.values()).containsOnlyKeys("name");
    }
}
