package nl.loket.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Main;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.HasDynamicTitle;

/**
 * The plain page Loket shows for any error: a title, one sentence, a way back. Never a stack trace. Shown without
 * {@link MainLayout}, so it is its own main landmark.
 */
class ErrorPage extends Main implements HasDynamicTitle {

    private String title = "";

    ErrorPage() {
        addClassName("loket-page");
    }

    void show(String titleKey, String message) {
        removeAll();
        title = getTranslation(titleKey) + " | Loket";
        Div card = new Div(new PageHeading(getTranslation(titleKey)), new Paragraph(message),
                new Anchor("", getTranslation("error.home")));
        card.addClassName("loket-card");
        card.setId("error-page");
        add(LoginView.brand(), card);
    }

    /** The browser tab says what went wrong too (a page without a title is hard to find among tabs). */
    @Override
    public String getPageTitle() {
        return title;
    }
}
