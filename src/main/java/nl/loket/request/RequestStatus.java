package nl.loket.request;

/** Where a request stands, as the requester sees it. */
public enum RequestStatus {
    SUBMITTED,
    AWAITING_APPROVAL,
    IN_FULFILMENT,
    FULFILLED,
    REJECTED,
    /** Whoever had to fulfil it could not (an install that is not possible on the requester's device, say). */
    NOT_FULFILLED,
    /** The requester withdrew it before it was fulfilled. */
    WITHDRAWN;

    public boolean isClosed() {
        return this == FULFILLED || this == REJECTED || this == NOT_FULFILLED || this == WITHDRAWN;
    }
}
