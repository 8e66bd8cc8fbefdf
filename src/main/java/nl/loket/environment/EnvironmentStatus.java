package nl.loket.environment;

/** Where an environment stands. Expiring is not a status but a lease end within the first reminder. */
public enum EnvironmentStatus {
    /** Requested; waiting for the approval rules or an approver. */
    REQUESTED,
    PROVISIONING,
    RUNNING,
    STOPPED,
    /** The lease ended: stopped, and deleted after the grace period unless extended. */
    EXPIRED,
    /**
     * A step keeps failing (never stored: shown while the engine holds a failed job for it). The engine retries,
     * then an admin does in Cockpit.
     */
    FAILED,
    DELETED,
    /** Refused by the rules or an approver: it never existed. */
    REFUSED,
    /** Withdrawn by its requester before it was made: it never existed. */
    WITHDRAWN;

    /** It exists at the provider (or is being made) and holds its name within the tenant. */
    public boolean isLive() {
        return this != DELETED && this != REFUSED && this != WITHDRAWN;
    }

    public boolean isProvisioned() {
        return this == RUNNING || this == STOPPED || this == EXPIRED;
    }
}
