package nl.loket.request;

/** Where a request stands, as the requester sees it. */
public enum RequestStatus {
    SUBMITTED,
    AWAITING_APPROVAL,
    IN_FULFILMENT,
    FULFILLED,
    REJECTED;

    public boolean isClosed() {
        return this == FULFILLED || this == REJECTED;
    }
}
