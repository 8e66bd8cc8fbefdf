package nl.loket.inbox;

/** Four-eyes principle: nobody decides on their own request. */
public class OwnRequestException extends RuntimeException {

    public OwnRequestException(String requestNumber, String username) {
        super(username + " may not decide on their own request " + requestNumber);
    }
}
