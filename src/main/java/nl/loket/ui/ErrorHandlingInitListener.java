package nl.loket.ui;

import java.util.UUID;

import nl.loket.health.DatabaseOutage;
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
        String message = messageFor(error.getThrowable(), reference, "a click");
        UI ui = UI.getCurrent();
        if (ui != null) {
            Notification notification = Notification.show(ui.getTranslation(message, reference), 8000,
                    Notification.Position.TOP_CENTER);
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    /**
     * Logs the error with its reference and returns the key of what the user is told: an unreachable database is
     * one ERROR line (every click fails alike while it lasts; the trace is at DEBUG), anything else in full.
     */
    static String messageFor(Throwable error, String reference, String during) {
        if (DatabaseOutage.isCauseOf(error)) {
            log.error("The database could not be reached during {}, reference {}: {}", during, reference,
                    error.toString());
            log.debug("Reference {} in full", reference, error);
            return DatabaseOutage.MESSAGE;
        }
        log.error("Unexpected error during {}, reference {}", during, reference, error);
        return "error.unexpected";
    }

    static String reference() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
