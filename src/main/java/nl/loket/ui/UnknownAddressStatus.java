package nl.loket.ui;

import org.springframework.stereotype.Component;

import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.server.HttpStatusCode;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import com.vaadin.flow.server.communication.IndexHtmlResponse;

/**
 * An address that is no page answers 404 Not Found, with the portal's own "page not found" page in it. Vaadin
 * answers every address with the same start page (200) and decides on the page in the browser's next round trip,
 * so a link checker, a crawler or a monitoring probe would otherwise take any typo for a page.
 */
@Component
class UnknownAddressStatus implements VaadinServiceInitListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.addIndexHtmlRequestListener(this::answerNotFoundWithoutRoute);
    }

    private void answerNotFoundWithoutRoute(IndexHtmlResponse response) {
        String pathInfo = response.getVaadinRequest().getPathInfo();
        String path = pathInfo == null ? "" : pathInfo.replaceFirst("^/+", "");
        if (RouteConfiguration.forApplicationScope().getRoute(path).isEmpty()) {
            response.getVaadinResponse().setStatus(HttpStatusCode.NOT_FOUND.getCode());
        }
    }
}
