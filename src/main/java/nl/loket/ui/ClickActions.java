package nl.loket.ui;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.shared.Registration;

/**
 * The one action of a button that a view keeps while it redraws itself (a comment posted, a dialog opened again):
 * setting it replaces the action set before, so a click never runs twice. Views use this, never
 * {@code addClickListener}, for buttons that outlive a redraw.
 */
public final class ClickActions {

    private static final String KEY = ClickActions.class.getName();

    private ClickActions() {
    }

    public static void set(Button button, Runnable action) {
        Registration previous = (Registration) ComponentUtil.getData(button, KEY);
        if (previous != null) {
            previous.remove();
        }
        ComponentUtil.setData(button, KEY, button.addClickListener(click -> action.run()));
    }
}
