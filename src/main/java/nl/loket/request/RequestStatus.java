package nl.loket.request;

/** Where a request stands, as the requester sees it. */
public enum RequestStatus {
    SUBMITTED,
    AWAITING_APPROVAL,
    IN_FULFILMENT,
    FULFILLED,
    REJECTED,
    /** The requester withdrew it before it was fulfilled. */
    WITHDRAWN;

    public boolean isClosed() {
        return this == FULFILLED || this == REJECTED || this == WITHDRAWN;
    }
}
