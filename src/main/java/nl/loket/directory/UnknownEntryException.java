package nl.loket.directory;

/** No person or group of that name in the directory. */
public class UnknownEntryException extends RuntimeException {

    public UnknownEntryException(String kind, String name) {
        super("No " + kind + " '" + name + "' in the directory");
    }
}
