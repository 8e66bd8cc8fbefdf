package nl.loket.environment.provider;

/**
 * Where environments really live: a cloud, a database server, a simulation. Every operation is idempotent per
 * {@link EnvironmentSpec#key()}: a job that is retried, or runs twice, never creates anything twice, and stopping,
 * starting or deleting what is already so is not an error. A failure is an exception; the engine retries the step
 * and, when retries run out, raises an incident in Cockpit.
 */
public interface EnvironmentProvider {

    /** The id templates name in their {@code provider} column, e.g. {@code simulated}. */
    String id();

    /** Starts creating the environment, or returns how far an earlier call got. */
    Provisioning provision(EnvironmentSpec spec);

    /** How far creating has got; {@link Provisioning#ready()} once it can be used. */
    Provisioning status(String key);

    /** Makes a stopped environment usable again. */
    void start(String key);

    /** Stops it: it costs nothing and nobody can connect, but nothing is lost. */
    void stop(String key);

    /** Removes it and everything in it. Deleting what does not exist is fine. */
    void delete(String key);
}
