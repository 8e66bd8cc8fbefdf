package nl.loket.ui;

import java.util.Optional;

import com.vaadin.flow.component.Component;

/**
 * A banner above every page when a feature has something timely to say (e.g. the Friday nudge), asked again on
 * every navigation. Lets the layout show it without knowing the feature.
 */
public interface LayoutBanner {

    Optional<Component> banner();
}
