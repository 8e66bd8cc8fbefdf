package nl.loket.ui;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.auth.AnonymousAllowed;

/** Replaces Vaadin's default error page, which shows a stack trace in development mode. */
@AnonymousAllowed
public class ServerErrorView extends ErrorPage implements HasErrorParameter<Exception> {

    private static final Logger log = LoggerFactory.getLogger(ServerErrorView.class);

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        String reference = ErrorHandlingInitListener.reference();
        log.error("Error while opening '{}', reference {}", event.getLocation().getPath(), reference,
                parameter.getCaughtException());
        show("error.title", getTranslation("error.unexpected", reference));
        return HttpStatusCode.INTERNAL_SERVER_ERROR.getCode();
    }
}
