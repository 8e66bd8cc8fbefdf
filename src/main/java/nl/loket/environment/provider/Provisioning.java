package nl.loket.environment.provider;

/**
 * The state of a provisioning. {@code oneTimeSecret} (a generated password, say) is returned once, by the call that
 * made it, and is never stored by the provider; null when there is none or it was handed out before.
 */
public record Provisioning(boolean ready, String endpoint, String connectionInfo, String oneTimeSecret) {

    public static Provisioning inProgress() {
        return new Provisioning(false, null, null, null);
    }
}
