package nl.loket.ui;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * An unexpected error in a click or a value change: logged in full with a short reference, shown to the user as
 * a plain message with that reference. Never a stack trace in the browser.
 */
@Component
class ErrorHandlingInitListener implements VaadinServiceInitListener {

    private static final Logger log = LoggerFactory.getLogger(ErrorHandlingInitListener.class);

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addSessionInitListener(init -> init.getSession().setErrorHandler(this::handle));
    }

    private void handle(ErrorEvent error) {
        String reference = reference();
        log.error("Unexpected error in the UI, reference {}", reference, error.getThrowable());
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification = Notification.show(ui.getTranslation("error.unexpected", reference), 8000,
                    Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
