package nl.loket.catalog;

/** The current user may not start this request type (not in its candidate starters, or it does not exist). */
public class NotStartableException extends RuntimeException {

    public NotStartableException(String processKey, String username) {
        super(username + " may not start " + processKey);
    }
}
