package nl.loket.access;

/**
 * How a product of the software catalogue is delivered once a request for it may go ahead: by Loket's grant step
 * on its own (it has a directory group), or by an IT fulfiller (a manual install, a product without a directory
 * group), whose task the process then waits for.
 */
public enum Fulfilment {
    AUTOMATIC,
    MANUAL
}
