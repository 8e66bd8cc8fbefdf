package nl.loket.forms;

import java.util.Set;

/** The form-js component types Loket supports; anything else is reported, never silently dropped. */
public final class FormFieldType {

    public static final String TEXTFIELD = "textfield";
    public static final String TEXTAREA = "textarea";
    public static final String NUMBER = "number";
    public static final String CHECKBOX = "checkbox";
    public static final String CHECKLIST = "checklist";
    public static final String RADIO = "radio";
    public static final String SELECT = "select";
    public static final String TAGLIST = "taglist";
    public static final String DATETIME = "datetime";
    public static final String TEXT = "text";
    public static final String GROUP = "group";
    public static final String SEPARATOR = "separator";
    public static final String SPACER = "spacer";
    public static final String BUTTON = "button";

    static final Set<String> INPUTS = Set.of(TEXTFIELD, TEXTAREA, NUMBER, CHECKBOX, CHECKLIST, RADIO, SELECT,
            TAGLIST, DATETIME);
    static final Set<String> LAYOUT = Set.of(TEXT, GROUP, SEPARATOR, SPACER, BUTTON);

    private FormFieldType() {
    }

    public static boolean isInput(String type) {
        return INPUTS.contains(type);
    }

    public static boolean isSupported(String type) {
        return INPUTS.contains(type) || LAYOUT.contains(type);
    }
}
