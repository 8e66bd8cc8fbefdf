package nl.loket.access.ui;

import static nl.loket.access.SoftwareAccessForm.*;

import java.time.LocalDate;
import java.util.Map;

import nl.loket.access.SoftwareAccessForm;
import nl.loket.access.SoftwareAccessService;
import nl.loket.access.SoftwareOption;
import nl.loket.catalog.NotStartableException;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.security.Roles;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** The software-access request form. Field rules are shown early here and enforced by the service. */
@Route(value = "request/software-access", layout = MainLayout.class)
@RolesAllowed(Roles.EMPLOYEE)
public class SoftwareRequestView extends VerticalLayout implements HasDynamicTitle {

    private final SoftwareAccessService service;

    final ComboBox<SoftwareOption> software = new ComboBox<>();
    final TextArea justification = new TextArea();
    final Checkbox adminRights = new Checkbox();
    final DatePicker endDate = new DatePicker();
    final Paragraph approvalHint = new Paragraph();
    final Button submit = new Button();

    public SoftwareRequestView(SoftwareAccessService service) {
        this.service = service;
        addClassName("loket-page");

        Paragraph intro = new Paragraph(getTranslation("software.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);

        software.setLabel(getTranslation("software.name"));
        software.setPlaceholder(getTranslation("software.select"));
        software.setItems(service.options());
        software.setItemLabelGenerator(option -> option.software().name());
        software.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::optionLine));
        software.setRequiredIndicatorVisible(true);
        software.setId("software");
        software.addValueChangeListener(e -> updateApprovalHint());

        justification.setLabel(getTranslation("software.justification"));
        justification.setHelperText(getTranslation("software.justification.helper", JUSTIFICATION_MIN_LENGTH));
        justification.setMaxLength(JUSTIFICATION_MAX_LENGTH);
        justification.setRequiredIndicatorVisible(true);
        justification.setMinHeight("8em");
        justification.setId("justification");

        adminRights.setLabel(getTranslation("software.admin-rights.label"));
        adminRights.setId("admin-rights");
        adminRights.addValueChangeListener(e -> updateApprovalHint());

        endDate.setLabel(getTranslation("software.end-date"));
        endDate.setHelperText(getTranslation("software.end-date.helper"));
        endDate.setMin(LocalDate.now().plusDays(1));
        endDate.setLocale(getLocale());
        endDate.setId("end-date");

        approvalHint.setId("approval-hint");
        approvalHint.addClassName("loket-hint");
        // a corrected field loses its server-side error at once, as in any form
        software.addValueChangeListener(e -> software.setInvalid(false));
        justification.addValueChangeListener(e -> justification.setInvalid(false));
        endDate.addValueChangeListener(e -> endDate.setInvalid(false));
        approvalHint.setVisible(false);

        submit.setText(getTranslation("software.submit"));
        submit.setIcon(VaadinIcon.PAPERPLANE.create());
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit");
        submit.addClickListener(e -> submit());
        submit.setDisableOnClick(true);

        FormLayout form = new FormLayout(software, adminRights, justification, endDate);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("40em", 2));
        form.setColspan(justification, 2);
        Div card = new Div(form, approvalHint, new HorizontalLayout(submit));
        card.addClassName("loket-card");
        card.setWidthFull();
        add(new H2(getTranslation("software.title")), intro, card);
    }

    private HorizontalLayout optionLine(SoftwareOption option) {
        Span name = new Span(option.software().name());
        name.addClassNames(LumoUtility.FontWeight.MEDIUM);
        Span vendor = new Span(option.software().vendor());
        vendor.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        boolean free = option.software().licenceCostEur().signum() == 0;
        Span cost = new Span(free ? getTranslation("software.free")
                : Formats.euros(option.software().licenceCostEur(), getLocale()) + " " + getTranslation("software.per-month"));
        cost.addClassNames(LumoUtility.FontSize.SMALL);
        Span approval = new Span(getTranslation(option.needsApproval()
                ? "software.approval-needed" : "software.approval-not-needed"));
        approval.getElement().getThemeList().add(option.needsApproval() ? "badge contrast small" : "badge success small");
        Div nameAndVendor = new Div(name, new Div(vendor));
        nameAndVendor.setMinWidth("14em");
        HorizontalLayout line = new HorizontalLayout(nameAndVendor, cost, approval);
        line.setAlignItems(Alignment.CENTER);
        return line;
    }

    void updateApprovalHint() {
        SoftwareOption option = software.getValue();
        if (option == null) {
            approvalHint.setVisible(false);
            return;
        }
        boolean needsApproval = service.needsApproval(option.software(), adminRights.getValue());
        approvalHint.setText(getTranslation(needsApproval ? "software.will-need-approval" : "software.will-be-granted"));
        approvalHint.setVisible(true);
    }

    void submit() {
        clearErrors();
        SoftwareOption option = software.getValue();
        var form = new SoftwareAccessForm(option == null ? null : option.software().id(), justification.getValue(),
                adminRights.getValue(), endDate.getValue());
        try {
            Request request = service.submit(form);
            Notification.show(getTranslation("software.submitted", request.number()), 5000,
                    Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class,
                    new RouteParameters("number", request.number())));
        } catch (InvalidRequestException e) {
            showErrors(e.fieldErrors());
            submit.setEnabled(true);
        } catch (NotStartableException e) {
            Notification.show(getTranslation("catalog.not-startable"), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
            submit.setEnabled(true);
        }
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, key) -> {
            HasValidation component = switch (field) {
                case FIELD_SOFTWARE -> software;
                case FIELD_JUSTIFICATION -> justification;
                case FIELD_END_DATE -> endDate;
                default -> null;
            };
            if (component != null) {
                component.setErrorMessage(getTranslation(key));
                component.setInvalid(true);
            }
        });
        Notification.show(getTranslation("software.form-invalid"), 4000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_CONTRAST);
    }

    private void clearErrors() {
        for (HasValidation field : new HasValidation[] {software, justification, endDate}) {
            field.setInvalid(false);
            field.setErrorMessage(null);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("software.title") + " | Loket";
    }
}
