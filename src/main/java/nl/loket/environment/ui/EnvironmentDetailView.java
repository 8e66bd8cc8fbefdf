package nl.loket.environment.ui;

import nl.loket.ui.LocalizedFields;
import java.time.LocalDate;
import java.util.List;

import nl.loket.environment.CreditBudgets;
import nl.loket.environment.CreditLedger;
import nl.loket.environment.Environment;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentStatus;
import nl.loket.environment.EnvironmentView;
import nl.loket.environment.Schedule;
import nl.loket.environment.TemplateCatalog;
import nl.loket.request.InvalidRequestException;
import nl.loket.security.UserAccountService;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * One environment: where to reach it (and its password, once), its schedule, lease and cost, and what its owner can
 * do: start or stop now, change the schedule, extend the lease, delete it. Deleted environments keep their page.
 */
@Route(value = "environments/:id(\\d+)", layout = MainLayout.class)
@RolesAllowed("employee")
public class EnvironmentDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final EnvironmentService environments;
    private final TemplateCatalog templates;
    private final CreditLedger ledger;
    private final CreditBudgets budgets;
    private final UserAccountService users;
    private final TenantService tenants;
    private String title = "Loket";
    private long id;

    public EnvironmentDetailView(EnvironmentService environments, TemplateCatalog templates, CreditLedger ledger,
                                 CreditBudgets budgets, UserAccountService users, TenantService tenants) {
        this.tenants = tenants;
        this.environments = environments;
        this.templates = templates;
        this.ledger = ledger;
        this.budgets = budgets;
        this.users = users;
        addClassName("loket-page");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        render();
    }

    private void render() {
        removeAll();
        add(new RouterLink(getTranslation("environments.back"), EnvironmentsView.class));
        environments.find(id).ifPresentOrElse(this::show, () -> {
            Paragraph notFound = new Paragraph(getTranslation("environment.error.not-found"));
            notFound.setId("environment-not-found");
            add(new PageHeading(getTranslation("error.not-found.title")), notFound);
        });
    }

    private void show(EnvironmentView view) {
        Environment e = view.environment();
        title = e.name() + " · Loket";
        PageHeading heading = new PageHeading(e.name());
        heading.setId("environment-heading");
        HorizontalLayout head = new HorizontalLayout(heading, EnvironmentTexts.statusBadge(this, view.shownStatus()));
        if (view.expiring()) {
            head.add(EnvironmentTexts.expiringBadge(this));
        }
        head.setAlignItems(FlexComponent.Alignment.CENTER);
        String template = templates.find(e.template()).map(t -> t.name(getLocale())).orElse(e.template());
        Paragraph meta = new Paragraph(String.join(" · ", template, EnvironmentTexts.stage(this, e.stage()),
                EnvironmentTexts.size(this, e.size()), getTranslation("environment.owned-by",
                        users.displayName(e.owner())), tenants.find(e.tenant()).map(Tenant::name).orElse(e.tenant())));
        meta.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(head, meta);
        if (view.failure() != null) {
            Paragraph failure = new Paragraph(getTranslation("environment.failing", view.failure()));
            failure.getElement().getThemeList().add("badge error");
            failure.getStyle().set("white-space", "normal").set("height", "auto").set("padding", "var(--lumo-space-s)");
            failure.setId("environment-failure");
            add(failure);
        }
        boolean manage = environments.mayManage(e);
        FlexLayout cards = new FlexLayout(connection(e), scheduleCard(e, manage), leaseCard(e, manage), costCard(e));
        cards.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        cards.getStyle().set("gap", "var(--lumo-space-m)");
        cards.setWidthFull();
        add(cards);
        if (manage && e.status().isProvisioned()) {
            add(actions(e));
        }
        Anchor request = new Anchor("requests/" + e.requestNumber(), getTranslation("environment.request", e.requestNumber()));
        add(request);
    }

    private Div card(String titleKey, Component... content) {
        Div card = new Div(new H2(getTranslation(titleKey)));
        card.add(content);
        card.addClassName("loket-card");
        card.getStyle().set("flex", "1 1 16rem");
        return card;
    }

    private Div connection(Environment e) {
        if (e.endpoint() == null) {
            return card("environment.connection", new Paragraph(getTranslation(e.status().isLive()
                    ? "environment.connection.pending" : "environment.connection.none")));
        }
        Anchor endpoint = new Anchor(e.endpoint(), e.endpoint());
        endpoint.setTarget("_blank");
        endpoint.setId("environment-endpoint");
        Pre info = new Pre(EnvironmentTexts.connectionInfo(this, e.connectionInfo()));
        info.getStyle().set("white-space", "pre-wrap").set("font-size", "var(--lumo-font-size-s)");
        Div card = card("environment.connection", new Div(endpoint), info);
        if (e.status().isLive() && environments.hasSecret(e.id())) {
            Button reveal = new Button(getTranslation("environment.secret.show"), VaadinIcon.KEY.create(),
                    click -> revealSecret(e));
            reveal.setId("reveal-secret");
            card.add(reveal);
        }
        return card;
    }

    private void revealSecret(Environment e) {
        try {
            environments.revealSecret(e.id()).ifPresentOrElse(secret -> {
                Dialog dialog = new Dialog();
                dialog.setHeaderTitle(getTranslation("environment.secret.title"));
                Pre value = new Pre(secret);
                value.setId("secret-value");
                dialog.add(new Paragraph(getTranslation("environment.secret.once")), value);
                Button close = new Button(getTranslation("environment.secret.saved"), click -> {
                    dialog.close();
                    render();
                });
                close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                dialog.getFooter().add(close);
                dialog.setCloseOnOutsideClick(false);
                dialog.open();
            }, () -> error("environment.secret.gone"));
        } catch (InvalidRequestException ex) {
            error(ex.fieldErrors().values().iterator().next());
        }
    }

    private Div scheduleCard(Environment e, boolean manage) {
        Paragraph text = new Paragraph(EnvironmentTexts.schedule(this, e.schedule(), getLocale()));
        text.setId("environment-schedule");
        Div card = card("environment.schedule", text);
        if (e.manualState() != null && e.status().isProvisioned()) {
            Paragraph manual = new Paragraph(getTranslation("environment.manual." + e.manualState().name(),
                    e.manualUntil() == null ? getTranslation("environment.manual.until-started")
                            : Formats.dateTime(e.manualUntil(), getLocale())));
            manual.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
            card.add(manual);
        }
        if (manage && (e.status() == EnvironmentStatus.RUNNING || e.status() == EnvironmentStatus.STOPPED)) {
            Button change = new Button(getTranslation("environment.schedule.change"), VaadinIcon.CLOCK.create(),
                    click -> changeSchedule(e));
            change.setId("change-schedule");
            card.add(change);
        }
        return card;
    }

    private void changeSchedule(Environment e) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("environment.schedule.change"));
        ScheduleEditor editor = new ScheduleEditor(() -> { });
        editor.setValue(e.schedule());
        dialog.add(editor);
        Button save = new Button(getTranslation("environment.schedule.save"), click -> {
            Schedule chosen = editor.value();
            if (chosen == null) {
                editor.days.setErrorMessage(getTranslation("environment.error.schedule"));
                editor.days.setInvalid(true);
                return;
            }
            if (act(() -> environments.changeSchedule(e.id(), chosen), "environment.schedule.saved")) {
                dialog.close();
            }
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-schedule");
        dialog.getFooter().add(new Button(getTranslation("environment.action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private Div leaseCard(Environment e, boolean manage) {
        Paragraph end = new Paragraph(getTranslation(e.status().isLive() ? "environment.lease.ends" : "environment.lease.deleted",
                Formats.date(e.status().isLive() ? e.leaseEnd().minusSeconds(1) : e.deletedAt(), getLocale())));
        end.setId("environment-lease");
        Div card = card("environment.lease", end);
        if (e.status() == EnvironmentStatus.EXPIRED) {
            Paragraph expired = new Paragraph(getTranslation("environment.lease.expired-note"));
            expired.addClassNames(LumoUtility.TextColor.ERROR, LumoUtility.FontSize.SMALL);
            card.add(expired);
        }
        if (manage && e.status().isProvisioned()) {
            LocalDate oneClick = environments.oneClickLeaseEnd(e);
            LocalDate current = e.leaseEnd().atZone(Schedule.AMSTERDAM).toLocalDate().minusDays(1);
            if (oneClick.isAfter(current)) {
                Button extend = new Button(getTranslation("environment.lease.extend-to", Formats.date(oneClick, getLocale())),
                        VaadinIcon.CALENDAR.create(), click -> act(() -> environments.extend(e.id(), oneClick),
                        "environment.lease.extended"));
                extend.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
                extend.setId("extend-lease");
                card.add(extend);
            }
            DatePicker other = LocalizedFields.datePicker(getTranslation("environment.lease.other-date"));
            other.setMin(current.plusDays(1));
            other.setMax(environments.maximumLeaseEnd(e));
            other.setHelperText(getTranslation("environment.lease.maximum", Formats.date(environments.maximumLeaseEnd(e), getLocale())));
            other.setId("extend-date");
            other.addValueChangeListener(change -> {
                if (change.getValue() != null && change.isFromClient()) {
                    act(() -> environments.extend(e.id(), change.getValue()), "environment.lease.extended");
                }
            });
            card.add(new Div(other));
            card.add(longerLease(e));
        }
        return card;
    }

    /** Beyond the stage's maximum: a request the tenant owner decides. */
    private Div longerLease(Environment e) {
        LocalDate maximum = environments.maximumLeaseEnd(e);
        Paragraph text = new Paragraph(getTranslation("environment.lease.longer"));
        text.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        DatePicker longer = LocalizedFields.datePicker(getTranslation("environment.lease.longer-date"));
        longer.setMin(maximum.plusDays(1));
        longer.setMax(LocalDate.now(java.time.ZoneId.of("Europe/Amsterdam")).plusYears(2));
        longer.setId("longer-date");
        Button ask = new Button(getTranslation("environment.lease.ask"), click -> {
            try {
                var request = environments.requestLongerLease(e.id(), longer.getValue());
                Notification.show(getTranslation("environment.lease.asked-done", request.number()), 5000,
                        Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                getUI().ifPresent(ui -> ui.navigate("requests/" + request.number()));
            } catch (InvalidRequestException ex) {
                error(ex.fieldErrors().values().iterator().next());
            }
        });
        ask.setId("ask-longer");
        HorizontalLayout row = new HorizontalLayout(longer, ask);
        row.setAlignItems(FlexComponent.Alignment.BASELINE);
        return new Div(text, row);
    }

    private Div costCard(Environment e) {
        var locale = getLocale();
        Paragraph perHour = new Paragraph(getTranslation("environment.cost.per-hour",
                EnvironmentTexts.credits(e.creditsPerHour(budgets.policy()), locale), e.creditsPerHour(budgets.policy())));
        var month = ledger.creditsThisMonth(e);
        Paragraph thisMonth = new Paragraph(getTranslation("environment.cost.this-month",
                EnvironmentTexts.credits(month, locale), Formats.euros(budgets.policy().euros(month), locale), month));
        thisMonth.setId("environment-credits-month");
        List<CreditLedger.Run> runs = ledger.runs(e.id());
        Paragraph runCount = new Paragraph(getTranslation("environment.cost.runs", runs.size()));
        runCount.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return card("environment.cost", perHour, thisMonth, runCount);
    }

    private HorizontalLayout actions(Environment e) {
        HorizontalLayout actions = new HorizontalLayout();
        if (e.status() == EnvironmentStatus.STOPPED) {
            Button start = new Button(getTranslation("environment.action.start"), VaadinIcon.PLAY.create(),
                    click -> act(() -> environments.startNow(e.id()), "environment.action.started"));
            start.setId("start-now");
            actions.add(start);
        }
        if (e.status() == EnvironmentStatus.RUNNING) {
            Button stop = new Button(getTranslation("environment.action.stop"), VaadinIcon.STOP.create(),
                    click -> act(() -> environments.stopNow(e.id()), "environment.action.stopped"));
            stop.setId("stop-now");
            actions.add(stop);
        }
        Button delete = new Button(getTranslation("environment.action.delete"), VaadinIcon.TRASH.create(), click -> {
            ConfirmDialog confirm = new ConfirmDialog(getTranslation("environment.delete.title", e.name()),
                    getTranslation("environment.delete.text"), getTranslation("environment.action.delete"),
                    ok -> act(() -> environments.deleteNow(e.id()), "environment.delete.requested"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.setCancelable(true);
            confirm.setCancelText(getTranslation("environment.action.cancel"));
            confirm.open();
        });
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        delete.setId("delete-now");
        actions.add(delete);
        return actions;
    }

    /** Runs an owner's action; a refusal is shown as a message, the page is redrawn either way. */
    private boolean act(Runnable action, String doneKey) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey), 4000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            render();
            return true;
        } catch (InvalidRequestException ex) {
            error(ex.fieldErrors().values().iterator().next());
            render();
            return false;
        }
    }

    private void error(String key) {
        Notification.show(getTranslation(key), 5000, Notification.Position.TOP_CENTER)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
