package nl.loket.security;

/** Published after a user account was stored, so that other parts (the engine's identity) can follow. */
public record UserAccountCreated(String username) {
}
