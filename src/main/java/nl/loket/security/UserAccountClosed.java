package nl.loket.security;

/** The person was disabled in the directory or removed from it: they can no longer log in or work tasks. */
public record UserAccountClosed(String username) {
}
