package nl.loket.environment.provider;

/** A provider could not do what was asked; the engine retries the step. */
public class ProviderException extends RuntimeException {

    public ProviderException(String message) {
        super(message);
    }

    public ProviderException(String message, Throwable cause) {
        super(message, cause);
    }
}
