package nl.loket.directory;

/**
 * Where Loket reaches the directory and as whom, once known: for the embedded directory the port it listens on
 * and the service password it was started with are only known at start-up.
 */
public record DirectoryEndpoint(String url, String bindDn, String bindPassword) {

    @Override
    public String toString() {
        return "DirectoryEndpoint[" + url + " as " + bindDn + "]";
    }
}
