package nl.loket.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One component of a Camunda Form (form-js schema) as Loket understands it. Input fields have a key; layout
 * components (text, group, separator, spacer, button) have none, and groups hold their children.
 */
public record FormField(String id, String type, String key, String label, String description, String subtype,
                        boolean required, Integer minLength, Integer maxLength, BigDecimal min, BigDecimal max,
                        String pattern, String validationType, List<Option> options, String optionsKey,
                        String hideWhen, boolean readonly, boolean disabled, Object defaultValue, String text,
                        List<FormField> children, String row, Integer columns) {

    /** form-js lays components out in rows of 16 columns. */
    public static final int GRID_COLUMNS = 16;

    /** A choice of a select, radio, checklist or taglist. */
    public record Option(String label, Object value) {
    }

    public boolean isInput() {
        return key != null && FormFieldType.isInput(type);
    }

    /** The user cannot change it: its submitted value is ignored. */
    public boolean isLocked() {
        return readonly || disabled;
    }
}
