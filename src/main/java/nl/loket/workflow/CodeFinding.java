package nl.loket.workflow;

/**
 * One place in a model where it would run code of its author's choosing on the server (see {@link ModelCodeCheck}).
 *
 * @param resource  the file of the deployment
 * @param elementId the nearest element with an id (the file's name if there is none)
 * @param detail    what was found: the script format, the class, the expression, or the bean
 */
public record CodeFinding(String resource, String elementId, Kind kind, String detail) {

    /** What kind of code a model carries. */
    public enum Kind {
        /** a script task, a {@code camunda:script} (listener, input/output mapping) or a script condition */
        SCRIPT("a script"),
        /** {@code camunda:class} on a task, listener or mapping, or a custom form-field validator */
        JAVA_CLASS("a Java class"),
        /** an expression that reaches past Loket's published beans and plain process variables */
        EXPRESSION("an expression that reaches beyond Loket's published beans"),
        /** an expression that names a Spring bean that is not published to process models */
        UNPUBLISHED_BEAN("a bean that is not published to process models"),
        /** a decision whose expressions are not FEEL (JUEL or a script language) */
        EXPRESSION_LANGUAGE("an expression language other than FEEL"),
        /** an XML file that cannot be read safely, so it cannot be checked */
        UNREADABLE("a file that cannot be checked");

        private final String description;

        Kind(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    /** For logs and the engine's refusal: {@code "model.bpmn, ServiceTask_X: a Java class (com.example.X)"}. */
    @Override
    public String toString() {
        return resource + ", " + elementId + ": " + kind.description() + " (" + detail + ")";
    }
}
