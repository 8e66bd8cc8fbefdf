package nl.loket.directory;

/** The directory could not be asked or refused a change: a failure of the directory, not of the user's input. */
public class DirectoryException extends RuntimeException {

    public DirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
