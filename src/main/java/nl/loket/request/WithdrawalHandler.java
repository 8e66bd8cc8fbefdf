package nl.loket.request;

/**
 * Implemented by a request type that has to undo something when a request is withdrawn before it is fulfilled
 * (compensation: release a reservation, revoke a temporary grant). Called in the withdrawal's transaction, after the
 * process has ended.
 */
public interface WithdrawalHandler {

    String requestType();

    void withdrawn(Request request);
}
