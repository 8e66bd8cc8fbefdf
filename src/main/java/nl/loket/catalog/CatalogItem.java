package nl.loket.catalog;

import java.time.Duration;
import java.util.List;

/**
 * Something that can be requested, as the catalogue shows it in one language. Built from a deployed process:
 * see docs/adding-a-request-type.md for the properties a model sets.
 */
public record CatalogItem(String processKey, String name, String description, String category, String icon,
                          Duration expectedFulfilment, List<String> keywords, String startView) {

    /** The portal address where a request of this type starts. */
    public String startPath() {
        return startView != null ? startView : "request/" + processKey;
    }
}
