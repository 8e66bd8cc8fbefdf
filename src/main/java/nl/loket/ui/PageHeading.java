package nl.loket.ui;

import com.vaadin.flow.component.html.H1;

/**
 * The one first-level heading of a page: what the page is. {@link MainLayout} moves the keyboard focus to it after
 * each navigation, so a screen reader announces the new page and the next Tab goes into its content, not back
 * through the header and the menu. Every view has exactly one (the browser test's axe-core check asks for it).
 */
public class PageHeading extends H1 {

    public PageHeading(String text) {
        super(text);
        addClassName("loket-page-heading");
        // focusable from script only: not a Tab stop of its own
        getElement().setAttribute("tabindex", "-1");
    }
}
