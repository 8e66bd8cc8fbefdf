package nl.loket.forms;

import java.util.ArrayList;
import java.util.List;

/** A parsed Camunda Form: its id, its components, and the component types Loket could not use. */
public record FormSchema(String id, List<FormField> components, List<String> unsupported) {

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
