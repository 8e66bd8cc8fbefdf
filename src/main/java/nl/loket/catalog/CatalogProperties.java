package nl.loket.catalog;

/** The {@code camunda:property} names a process sets to appear in the catalogue. */
final class CatalogProperties {

    /** Present (any value) to list the process in the portal's catalogue; its value is the category id. */
    static final String CATEGORY = "loket:category";
    static final String ICON = "loket:icon";
    /** ISO-8601 duration, e.g. {@code PT4H} or {@code P2D}. */
    static final String EXPECTED_FULFILMENT = "loket:expected-fulfilment";
    /** Comma-separated; per language as {@code loket:keywords:nl}. */
    static final String KEYWORDS = "loket:keywords";
    /** Per language: {@code loket:name:nl}, {@code loket:name:en}; falls back to the process name. */
    static final String NAME = "loket:name";
    /** Per language: {@code loket:description:nl}; falls back to the process documentation. */
    static final String DESCRIPTION = "loket:description";

    /** A portal view of the request type's own (e.g. a configurator) instead of the generic start form. */
    static final String START_VIEW = "loket:start-view";
    static final String DEFAULT_ICON = "vaadin:file-text-o";

    private CatalogProperties() {
    }
}
