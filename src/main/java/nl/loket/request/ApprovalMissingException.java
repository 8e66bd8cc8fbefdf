package nl.loket.request;

/** A step that would carry out a request found no valid approval for it (see {@link ApprovalCheck}). */
public class ApprovalMissingException extends RuntimeException {

    public ApprovalMissingException(String message) {
        super(message);
    }
}
