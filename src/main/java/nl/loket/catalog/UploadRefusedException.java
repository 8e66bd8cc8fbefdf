package nl.loket.catalog;

import java.util.List;

/** An upload that was not deployed, with every reason found (message keys with their arguments). */
public class UploadRefusedException extends RuntimeException {

    /**
     * One reason: a message key ({@code publish.refused.*}) and what it is about, in the order the message
     * names them (a file; or a BPMN element id and the form link it has).
     */
    public record Reason(String messageKey, List<String> arguments) {

        public Reason {
            arguments = List.copyOf(arguments);
        }

        public Reason(String messageKey, String... arguments) {
            this(messageKey, List.of(arguments));
        }
    }

    private final List<Reason> reasons;

    public UploadRefusedException(List<Reason> reasons) {
        super("Upload refused: " + reasons);
        this.reasons = List.copyOf(reasons);
    }

    public List<Reason> reasons() {
        return reasons;
    }
}
