package nl.loket.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

/** The plain page Loket shows for any error: a title, one sentence, a way back. Never a stack trace. */
class ErrorPage extends Div {

    ErrorPage() {
        addClassName("loket-page");
    }

    void show(String titleKey, String message) {
        removeAll();
        Div card = new Div(new H2(getTranslation(titleKey)), new Paragraph(message),
                new Anchor("", getTranslation("error.home")));
        card.addClassName("loket-card");
        card.setId("error-page");
        add(LoginView.brand(), card);
    }
}
