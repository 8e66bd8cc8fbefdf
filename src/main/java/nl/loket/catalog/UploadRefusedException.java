package nl.loket.catalog;

import java.util.List;

/** An upload that was not deployed, with every reason found (message keys with their arguments). */
public class UploadRefusedException extends RuntimeException {

    /** One reason: a message key ({@code publish.refused.*}) and the file or element it is about. */
    public record Reason(String messageKey, String subject) {
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
