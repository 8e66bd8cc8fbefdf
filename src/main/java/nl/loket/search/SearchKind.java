package nl.loket.search;

/** The groups of a search result, in the order they are shown. */
public enum SearchKind {
    /** What the catalogue offers: a request type the user may start. */
    REQUEST_TYPE,
    /** Something chosen inside a request type: an application, an environment template, an option of its form. */
    PRODUCT,
    /** One of the user's own requests, by number or subject. */
    MY_REQUEST
}
