package nl.loket.environment.ui;

import nl.loket.ui.LocalizedFields;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.loket.environment.EnvironmentOrder;
import nl.loket.environment.EnvironmentProcess;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentTemplate;
import nl.loket.environment.Estimate;
import nl.loket.environment.Schedule;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;
import nl.loket.environment.TemplateCatalog;
import nl.loket.request.InvalidRequestException;
import nl.loket.request.Request;
import nl.loket.security.UserAccountService;
import nl.loket.tenant.Tenant;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Configure an environment: template, name, stage, size, options, schedule and lease, with the estimate beside it
 * (credits and euros per month and for the lease, what stays of the tenant's budget, who must approve), updated on
 * every change. The server checks everything again on submit.
 */
@Route(value = "environments/new", layout = MainLayout.class)
@RolesAllowed("employee")
public class ConfigureEnvironmentView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private static final Logger log = LoggerFactory.getLogger(ConfigureEnvironmentView.class);

    final Select<Tenant> tenant = new Select<>();
    final RadioButtonGroup<EnvironmentTemplate> template = new RadioButtonGroup<>();
    final TextField name = new TextField();
    final Select<Stage> stage = new Select<>();
    final RadioButtonGroup<Size> size = new RadioButtonGroup<>();
    final Checkbox support = new Checkbox();
    final Checkbox productionData = new Checkbox();
    final ScheduleEditor schedule = new ScheduleEditor(this::refresh);
    final DatePicker leaseEnd = LocalizedFields.datePicker();
    final Button submit = new Button();
    final Div estimateCard = new Div();
    final Paragraph noTenant = new Paragraph();

    private final EnvironmentService environments;
    private final UserAccountService users;
    private final Clock clock;

    public ConfigureEnvironmentView(EnvironmentService environments, UserAccountService users, Clock clock) {
        this.environments = environments;
        this.users = users;
        this.clock = clock;
        addClassName("loket-page");
        PageHeading title = new PageHeading(getTranslation("environment.new.title"));
        Paragraph intro = new Paragraph(getTranslation("environment.new.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);

        List<Tenant> myTenants = environments.myTenants();
        if (myTenants.isEmpty()) {
            noTenant.setText(getTranslation("environment.new.no-tenant"));
            noTenant.setId("no-tenant");
            add(title, intro, noTenant);
            return;
        }
        tenant.setLabel(getTranslation("environment.tenant"));
        tenant.setItems(myTenants);
        tenant.setItemLabelGenerator(Tenant::name);
        tenant.setValue(myTenants.get(0));
        tenant.setId("tenant");

        template.setLabel(getTranslation("environment.template"));
        template.setItems(environments.templates());
        template.setRenderer(new com.vaadin.flow.data.renderer.ComponentRenderer<>(this::templateLabel));
        template.addThemeVariants(com.vaadin.flow.component.radiobutton.RadioGroupVariant.LUMO_VERTICAL);
        template.setId("template");

        name.setLabel(getTranslation("environment.name"));
        name.setHelperText(getTranslation("environment.name.help"));
        name.setMaxLength(30);
        name.setValueChangeMode(ValueChangeMode.LAZY);
        name.setId("name");

        stage.setLabel(getTranslation("environment.stage"));
        stage.setItemLabelGenerator(s -> EnvironmentTexts.stage(this, s));
        stage.setId("stage");
        size.setLabel(getTranslation("environment.size"));
        size.setId("size");
        support.setLabel(getTranslation("environment.support"));
        support.setId("support");
        productionData.setLabel(getTranslation("environment.production-data"));
        productionData.setId("production-data");
        leaseEnd.setLabel(getTranslation("environment.lease-end"));
        leaseEnd.setId("lease-end");

        FormLayout form = new FormLayout(tenant, template, name, stage, size, support, productionData, schedule, leaseEnd);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        form.setColspan(template, 1);

        submit.setText(getTranslation("environment.new.submit"));
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.setId("submit");
        submit.addClickListener(e -> submit());
        submit.setDisableOnClick(true);

        VerticalLayout left = new VerticalLayout(form, submit);
        left.setPadding(false);
        left.getStyle().set("flex", "1 1 24rem");
        estimateCard.addClassName("loket-card");
        estimateCard.setId("estimate");
        estimateCard.getStyle().set("flex", "1 1 18rem").set("align-self", "flex-start")
                .set("position", "sticky").set("top", "var(--lumo-space-m)");
        FlexLayout columns = new FlexLayout(left, estimateCard);
        columns.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        columns.getStyle().set("gap", "var(--lumo-space-l)");
        columns.setWidthFull();
        add(title, intro, columns);

        tenant.addValueChangeListener(e -> refresh());
        template.addValueChangeListener(e -> templateChosen());
        name.addValueChangeListener(e -> name.setInvalid(false));
        stage.addValueChangeListener(e -> stageChosen());
        size.addValueChangeListener(e -> refresh());
        support.addValueChangeListener(e -> refresh());
        productionData.addValueChangeListener(e -> refresh());
        leaseEnd.addValueChangeListener(e -> refresh());
        if (!environments.templates().isEmpty()) {
            template.setValue(environments.templates().get(0));
        }
        refresh();
    }

    /** A link may choose the template ({@code environments/new?template=<code>}, as search's hits do). */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (tenant.getValue() == null) {
            return; // no tenant: nothing to order
        }
        event.getLocation().getQueryParameters().getSingleParameter(TemplateCatalog.ORDER_PARAMETER)
                .flatMap(code -> template.getListDataView().getItems().filter(t -> t.code().equals(code)).findFirst())
                .ifPresent(template::setValue);
    }

    private com.vaadin.flow.component.Component templateLabel(EnvironmentTemplate t) {
        Span name = new Span(t.name(getLocale()));
        name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        Span description = new Span(t.description(getLocale()) + " " + getTranslation("environment.template.components",
                String.join(", ", t.components())));
        description.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        Div label = new Div(name, new Div(description));
        return label;
    }

    private void templateChosen() {
        EnvironmentTemplate chosen = template.getValue();
        if (chosen == null) {
            return;
        }
        Stage previous = stage.getValue();
        List<Stage> stages = chosen.stages().stream().sorted().toList();
        stage.setItems(stages);
        stage.setValue(stages.contains(previous) ? previous : stages.get(0));
        Size previousSize = size.getValue();
        List<Size> sizes = java.util.Arrays.stream(Size.values()).filter(chosen::offers).toList();
        size.setItemLabelGenerator(s -> chosen.offers(s)
                ? getTranslation("environment.size.factor", EnvironmentTexts.size(this, s),
                        EnvironmentTexts.number(chosen.sizeFactors().get(s), 2, getLocale()), chosen.sizeFactors().get(s))
                : EnvironmentTexts.size(this, s));
        size.setItems(sizes);
        size.setValue(sizes.contains(previousSize) ? previousSize : sizes.get(0));
        refresh();
    }

    private void stageChosen() {
        Stage chosen = stage.getValue();
        if (chosen != null) {
            LocalDate today = LocalDate.now(clock.withZone(Schedule.AMSTERDAM));
            leaseEnd.setMin(today.plusDays(1));
            leaseEnd.setMax(today.plus(chosen.maximumLease()));
            leaseEnd.setValue(today.plus(chosen.defaultLease()));
            leaseEnd.setHelperText(getTranslation("environment.lease-end.help",
                    chosen.defaultLease().getDays(), chosen.maximumLease().getDays()));
        }
        refresh();
    }

    EnvironmentOrder order() {
        return new EnvironmentOrder(tenant.getValue() == null ? null : tenant.getValue().code(),
                template.getValue() == null ? null : template.getValue().code(), name.getValue().strip(),
                stage.getValue(), size.getValue(), support.getValue(), productionData.getValue(), schedule.value(),
                leaseEnd.getValue());
    }

    /** Recomputes the estimate for the current choices. */
    void refresh() {
        if (tenant.getValue() == null) {
            return;
        }
        estimateCard.removeAll();
        estimateCard.add(new H2(getTranslation("environment.estimate.title")));
        Optional<Estimate> estimate = environments.estimate(order());
        if (estimate.isEmpty()) {
            estimateCard.add(new Paragraph(getTranslation("environment.estimate.incomplete")));
            submit.setEnabled(true);
            return;
        }
        Estimate e = estimate.get();
        var locale = getLocale();
        estimateCard.add(
                line("per-hour", getTranslation("environment.estimate.credits", EnvironmentTexts.credits(e.creditsPerHour(), locale),
                        e.creditsPerHour())),
                line("hours-per-week", getTranslation("environment.estimate.hours", EnvironmentTexts.number(e.hoursPerWeek(), 1, locale))),
                line("per-month", getTranslation("environment.estimate.credits-euros",
                        EnvironmentTexts.credits(e.creditsPerMonth(), locale), Formats.euros(e.eurosPerMonth(), locale),
                        e.creditsPerMonth())),
                line("lease", getTranslation("environment.estimate.credits-euros",
                        EnvironmentTexts.credits(e.leaseCredits(), locale), Formats.euros(e.leaseEuros(), locale),
                        e.leaseCredits())));
        estimateCard.add(new H2(getTranslation("environment.budget.title", String.valueOf(e.budget().year()))));
        estimateCard.add(
                line("budget", EnvironmentTexts.credits(e.budget().budget(), locale)),
                line("used", EnvironmentTexts.credits(e.budget().used(), locale)),
                line("committed", EnvironmentTexts.credits(e.budget().committed(), locale)),
                line("left-now", EnvironmentTexts.credits(e.budget().left(), locale)),
                line("left-after", EnvironmentTexts.credits(e.leftAfter(), locale)));
        Paragraph approval = new Paragraph(approvalText(e));
        approval.setId("approval");
        approval.getElement().getThemeList().add("badge");
        approval.getElement().getThemeList().add(e.refused() ? "error" : e.approvals().isEmpty() ? "success" : "warning");
        approval.getStyle().set("white-space", "normal").set("height", "auto").set("padding", "var(--lumo-space-s)");
        estimateCard.add(approval);
        submit.setEnabled(!e.refused());
    }

    private String approvalText(Estimate e) {
        if (e.refused()) {
            return getTranslation("environment.estimate.refused");
        }
        if (e.approvals().isEmpty()) {
            return getTranslation("environment.estimate.automatic");
        }
        Tenant t = tenant.getValue();
        String who = String.join(", ", e.approvals().stream().map(role -> {
            String person = EnvironmentProcess.PRIVACY_OWNER.equals(role) ? t.privacyOwner() : t.owner();
            return getTranslation("environment.approval." + role,
                    person == null ? "-" : users.displayName(person));
        }).toList());
        return getTranslation(e.overBudget() ? "environment.estimate.over-budget" : "environment.estimate.approval", who);
    }

    private Div line(String key, String value) {
        Span label = new Span(getTranslation("environment.estimate." + key));
        label.addClassNames(LumoUtility.TextColor.SECONDARY);
        Span amount = new Span(value);
        amount.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
        amount.setId("estimate-" + key);
        Div line = new Div(label, amount);
        line.getStyle().set("display", "flex").set("justify-content", "space-between").set("gap", "var(--lumo-space-m)");
        return line;
    }

    void submit() {
        clearErrors();
        try {
            Request request = environments.order(order());
            Notification.show(getTranslation("environment.new.submitted", request.number()), 5000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            getUI().ifPresent(ui -> ui.navigate("requests/" + request.number()));
        } catch (InvalidRequestException e) {
            log.warn("Environment order refused: {}", e.fieldErrors());
            showErrors(e.fieldErrors());
            submit.setEnabled(true);
        }
    }

    private void showErrors(Map<String, String> errors) {
        errors.forEach((field, key) -> {
            HasValidation target = switch (field) {
                case "tenant" -> tenant;
                case "template" -> template;
                case "name" -> name;
                case "stage" -> stage;
                case "size" -> size;
                case "leaseEnd" -> leaseEnd;
                case "schedule" -> schedule.days;
                default -> null;
            };
            if (target != null) {
                target.setErrorMessage(getTranslation(key));
                target.setInvalid(true);
            } else {
                Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
    }

    private void clearErrors() {
        List.<HasValidation>of(tenant, template, name, stage, size, leaseEnd, schedule.days)
                .forEach(c -> c.setInvalid(false));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("environment.new.title") + " · Loket";
    }
}
