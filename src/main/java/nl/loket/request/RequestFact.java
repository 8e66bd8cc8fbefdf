package nl.loket.request;

/**
 * One labelled detail of a request, shown to requester and approver alike. The label is a message key; the value
 * keeps its type so that the UI can format it in the reader's language.
 */
public record RequestFact(String labelKey, Kind kind, Object value, boolean translated) {

    public RequestFact(String labelKey, Kind kind, Object value) {
        this(labelKey, kind, value, true);
    }

    /** A fact whose label is already text (e.g. from a form the modeller wrote), not a message key. */
    public static RequestFact withLabel(String label, Kind kind, Object value) {
        return new RequestFact(label, kind, value, false);
    }

    /** MESSAGE: the value is a message key, shown in the reader's language. */
    public enum Kind { TEXT, LONG_TEXT, YES_NO, DATE, MONEY_EUR, CREDITS, MESSAGE, RULE }

    public static RequestFact text(String labelKey, String value) {
        return new RequestFact(labelKey, Kind.TEXT, value);
    }

    public static RequestFact longText(String labelKey, String value) {
        return new RequestFact(labelKey, Kind.LONG_TEXT, value);
    }

    /** A value that is itself a message key (a stage, a status), translated for the reader. */
    public static RequestFact message(String labelKey, String valueKey) {
        return new RequestFact(labelKey, Kind.MESSAGE, valueKey);
    }

    public static RequestFact yesNo(String labelKey, boolean value) {
        return new RequestFact(labelKey, Kind.YES_NO, value);
    }

    public static RequestFact date(String labelKey, java.time.LocalDate value) {
        return new RequestFact(labelKey, Kind.DATE, value);
    }

    public static RequestFact euros(String labelKey, java.math.BigDecimal value) {
        return new RequestFact(labelKey, Kind.MONEY_EUR, value);
    }

    /** A decision rule that matched: why the request went to this approver (value: {@link MatchedRule}). */
    public static RequestFact rule(String labelKey, nl.loket.workflow.MatchedRule rule) {
        return new RequestFact(labelKey, Kind.RULE, rule);
    }

    /** An amount of credits (Wegwijzer's currency), shown in the reader's number format. */
    public static RequestFact credits(String labelKey, java.math.BigDecimal value) {
        return new RequestFact(labelKey, Kind.CREDITS, value);
    }
}
