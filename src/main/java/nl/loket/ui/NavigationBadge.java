package nl.loket.ui;

/**
 * A count shown next to a navigation entry (open tasks, unread notifications). Features implement it, so the
 * layout needs to know no feature.
 */
public interface NavigationBadge {

    /** The route path of the navigation entry, e.g. {@code inbox}. */
    String path();

    /** The count for the current user; 0 hides the badge. */
    int count();
}
