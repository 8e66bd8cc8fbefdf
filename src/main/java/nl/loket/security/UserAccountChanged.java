package nl.loket.security;

/** Loket's copy of a person was made or changed from the directory: the engine's copy follows. */
public record UserAccountChanged(String username) {
}
