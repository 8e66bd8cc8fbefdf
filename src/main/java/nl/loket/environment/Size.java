package nl.loket.environment;

/** How big an environment is; its template gives each size a credit factor. */
public enum Size {
    SMALL, MEDIUM, LARGE
}
