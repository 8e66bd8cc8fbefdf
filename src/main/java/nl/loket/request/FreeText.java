package nl.loket.request;

import java.util.regex.Pattern;

/**
 * Text people type (comments, questions, reasons): without control characters, which no reader needs and which
 * databases treat differently (PostgreSQL refuses NUL that H2 stores), and without surrounding white space. Line
 * breaks and tabs stay.
 */
public final class FreeText {

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cc}&&[^\\n\\r\\t]]");

    private FreeText() {
    }

    /** The text as it is stored: control characters removed, stripped; null becomes empty. */
    public static String clean(String text) {
        return text == null ? "" : CONTROL.matcher(text).replaceAll("").strip();
    }
}
