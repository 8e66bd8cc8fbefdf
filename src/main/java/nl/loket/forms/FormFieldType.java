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
    public static final String EXPRESSION = "expression";
    public static final String DYNAMIC_LIST = "dynamiclist";
    public static final String HTML = "html";
    public static final String IMAGE = "image";
    public static final String IFRAME = "iframe";
    public static final String TABLE = "table";

    /** The form-js version Camunda 7.24's Tasklist ships (webapps/frontend/package.json); Loket follows it. */
    public static final String FORM_JS_VERSION = "1.8.7";

    /** Components that hold a value under their {@code key} (form-js: "keyed"). */
    static final Set<String> INPUTS = Set.of(TEXTFIELD, TEXTAREA, NUMBER, CHECKBOX, CHECKLIST, RADIO, SELECT,
            TAGLIST, DATETIME, EXPRESSION);
    /** Components that only show something or hold others; groups and dynamic lists nest values by path. */
    static final Set<String> LAYOUT = Set.of(TEXT, GROUP, DYNAMIC_LIST, SEPARATOR, SPACER, BUTTON, HTML, IMAGE,
            IFRAME, TABLE);

    private FormFieldType() {
    }

    public static boolean isInput(String type) {
        return INPUTS.contains(type);
    }

    public static boolean isSupported(String type) {
        return INPUTS.contains(type) || LAYOUT.contains(type);
    }
}
