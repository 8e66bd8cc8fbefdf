package nl.loket.request.ui;

import nl.loket.request.RequestStatus;

import com.vaadin.flow.component.html.Span;

/** A request status as a coloured Lumo badge. */
public class StatusBadge extends Span {

    public StatusBadge(RequestStatus status) {
        setText(getTranslation("status." + status.name()));
        getElement().getThemeList().add("badge pill");
        switch (status) {
            case FULFILLED -> getElement().getThemeList().add("success");
            case REJECTED, NOT_FULFILLED -> getElement().getThemeList().add("error");
            case AWAITING_APPROVAL -> getElement().getThemeList().add("warning");
            default -> getElement().getThemeList().add("contrast");
        }
        getElement().setAttribute("data-status", status.name());
    }
}
