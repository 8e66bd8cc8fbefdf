package nl.loket.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Replaces Vaadin's default error page, which shows a stack trace in development mode. */
@AnonymousAllowed
public class ServerErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorHandlingInitListener.reference();
        String message = ErrorHandlingInitListener.messageFor(parameter.getCaughtException(), reference,
                "opening '" + event.getLocation().getPath() + "'");
        show("error.title", getTranslation(message, reference));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
