package nl.loket.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A parsed Camunda Form: its id, its components, and the component types Loket could not use. */
public record FormSchema(String id, List<FormField> components, List<String> unsupported) {

    /** The form with its texts in the given language, where its components carry translations. */
    public FormSchema localized(Locale locale) {
        return new FormSchema(id, components.stream().map(field -> field.localized(locale)).toList(), unsupported);
    }

    /** The form with every label, description and text passed through {@code resolve}. */
    public FormSchema withTexts(java.util.function.UnaryOperator<String> resolve) {
        return new FormSchema(id, components.stream().map(field -> field.withTexts(resolve)).toList(), unsupported);
    }

    /** The form's own buttons (form-js {@code button}), anywhere in it. */
    public boolean hasSubmitButton() {
        return hasSubmitButton(components);
    }

    private static boolean hasSubmitButton(List<FormField> fields) {
        return fields.stream().anyMatch(f -> FormFieldType.BUTTON.equals(f.type()) && !"reset".equals(f.action())
                || hasSubmitButton(f.children()));
    }

    /** Every input field, groups opened up, in form order. */
    public List<FormField> inputs() {
        List<FormField> inputs = new ArrayList<>();
        collect(components, inputs);
        return inputs;
    }

    private static void collect(List<FormField> fields, List<FormField> into) {
        for (FormField field : fields) {
            if (field.isInput()) {
                into.add(field);
            }
            collect(field.children(), into);
        }
    }
}
