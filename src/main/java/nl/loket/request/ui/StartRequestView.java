package nl.loket.request.ui;

import java.util.HashMap;
import java.util.Map;

import nl.loket.ui.ClickActions;
import nl.loket.ui.Formats;
import nl.loket.catalog.NotStartableException;
import nl.loket.forms.ui.FormRenderer;
import nl.loket.request.FormRequestService;
import nl.loket.request.InvalidFormSubmissionException;
import nl.loket.request.Request;
import nl.loket.request.RequestNotStartedException;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;
import nl.loket.workflow.FeelEvaluator;


import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/**
 * The start page of any request type that is only a BPMN model and a Camunda Form: the form from the deployment,
 * rendered, and checked again on the server when submitted. Who may start it is decided by the model's candidate
 * starters, in the service.
 */
@Route(value = "request/:key", layout = MainLayout.class)
@PermitAll
public class StartRequestView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final FormRequestService service;
    private final FeelEvaluator feel;
    private String processKey;
    private String title = "Loket";

    FormRenderer form;
    final Button submit = new Button();

    public StartRequestView(FormRequestService service, FeelEvaluator feel) {
        this.service = service;
        this.feel = feel;
        addClassName("loket-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        removeAll();
        processKey = event.getRouteParameters().get("key").orElse("");
        // a link may choose some fields already (search: request/software-access?software=4)
        Map<String, String> chosen = new HashMap<>();
        event.getLocation().getQueryParameters().getParameters().forEach((name, values) -> {
            if (!values.isEmpty()) {
                chosen.put(name, values.get(0));
            }
        });
        service.startForm(processKey, getLocale(), chosen).ifPresentOrElse(this::show, () -> {
            Paragraph missing = new Paragraph(getTranslation("request.start.not-available"));
            missing.setId("start-not-available");
            add(new Anchor("catalog", getTranslation("catalog.back")), missing);
        });
    }

    private void show(FormRequestService.StartForm start) {
        title = start.item().name() + " | Loket";
        Paragraph description = new Paragraph(start.item().description());
        description.addClassNames(LumoUtility.TextColor.SECONDARY);
        form = new FormRenderer(start.schema(), feel, start.context(), Formats.zone());
        form.addSubmitListener(this::submit);
        submit.setText(getTranslation("software.submit"));
        submit.setIcon(VaadinIcon.PAPERPLANE.create());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit");
        ClickActions.set(submit, this::submit);
        Div card = new Div(form);
        if (!form.hasOwnSubmitButton()) {
            card.add(submit);
        }
        card.addClassName("loket-card");
        add(new Anchor("catalog", getTranslation("catalog.back")), new PageHeading(start.item().name()), description, card);
    }

    void submit() {
        try {
            Request request = service.submit(processKey, form.values(), getLocale());
            Notification.show(getTranslation("software.submitted", request.number()), 5000,
                    Notification.Position.BOTTOM_END).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class,
                    new RouteParameters("number", request.number())));
        } catch (InvalidFormSubmissionException e) {
            form.showErrors(e.errors());
            Notification.show(getTranslation("software.form-invalid"), 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        } catch (RequestNotStartedException e) {
            Notification.show(getTranslation("request.start.failed"), 8000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (NotStartableException e) {
            Notification.show(getTranslation("catalog.not-startable"), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
