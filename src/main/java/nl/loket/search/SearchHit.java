package nl.loket.search;

/**
 * One thing a search found, ready to show and open.
 *
 * @param id          what it is within its kind: a request type's process key, a product's "source:id", a request
 *                    number
 * @param title       its name in the user's language
 * @param description what it is, in a sentence (may be empty)
 * @param context     where it belongs or where it stands: the request type of a product, the type and status of a
 *                    request (may be empty)
 * @param path        the portal address that opens it, query included: a product opens its request type's start
 *                    page with the product chosen
 * @param icon        a Vaadin icon name ("vaadin:laptop")
 */
public record SearchHit(SearchKind kind, String id, String title, String description, String context, String path,
                        String icon) {
}
