package nl.loket.environment.ui;

import java.util.List;

import nl.loket.environment.CreditBudgets;
import nl.loket.environment.CreditLedger;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentView;
import nl.loket.environment.SustainabilityService;
import nl.loket.environment.TemplateCatalog;
import nl.loket.environment.TenantBudget;
import nl.loket.security.UserAccountService;
import nl.loket.tenant.Tenant;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * "Tenant environments": everything a tenant runs, its budget this year, its ledger month by month and its
 * sustainability figures. Members see their tenants; process admins see all.
 */
@Route(value = "environments/tenant", layout = MainLayout.class)
@Menu(title = "nav.tenant-environments", order = 2.6, icon = "vaadin:building")
@RolesAllowed("employee")
public class TenantEnvironmentsView extends VerticalLayout implements HasDynamicTitle {

    final Select<Tenant> tenant = new Select<>();
    final Div content = new Div();
    private final EnvironmentService environments;
    private final TemplateCatalog templates;
    private final CreditLedger ledger;
    private final CreditBudgets budgets;
    private final SustainabilityService sustainability;
    private final UserAccountService users;

    public TenantEnvironmentsView(EnvironmentService environments, TemplateCatalog templates, CreditLedger ledger,
                                  CreditBudgets budgets, SustainabilityService sustainability,
                                  UserAccountService users, nl.loket.tenant.TenantService tenants,
                                  nl.loket.security.CurrentUser currentUser) {
        this.environments = environments;
        this.templates = templates;
        this.ledger = ledger;
        this.budgets = budgets;
        this.sustainability = sustainability;
        this.users = users;
        addClassName("loket-page");
        List<Tenant> visible = currentUser.hasRole(nl.loket.security.Roles.PROCESS_ADMIN) ? tenants.all()
                : environments.myTenants();
        add(new PageHeading(getTranslation("nav.tenant-environments")));
        if (visible.isEmpty()) {
            Paragraph none = new Paragraph(getTranslation("environment.new.no-tenant"));
            none.setId("no-tenant");
            add(none);
            return;
        }
        tenant.setLabel(getTranslation("environment.tenant"));
        tenant.setItems(visible);
        tenant.setItemLabelGenerator(Tenant::name);
        tenant.setId("tenant");
        tenant.setWidth("20em");
        tenant.addValueChangeListener(e -> show(e.getValue()));
        content.setWidthFull();
        add(tenant, content);
        tenant.setValue(visible.get(0));
    }

    private void show(Tenant chosen) {
        content.removeAll();
        if (chosen == null) {
            return;
        }
        var locale = getLocale();
        TenantBudget budget = budgets.budget(chosen.code());
        Paragraph budgetLine = new Paragraph(getTranslation("tenant.budget.line", String.valueOf(budget.year()),
                EnvironmentTexts.credits(budget.budget(), locale), EnvironmentTexts.credits(budget.used(), locale),
                EnvironmentTexts.credits(budget.committed(), locale), EnvironmentTexts.credits(budget.left(), locale),
                Formats.euros(budgets.policy().euros(budget.left()), locale), budget.budget()));
        budgetLine.setId("tenant-budget");
        Paragraph owners = new Paragraph(getTranslation("tenant.owners", users.displayName(chosen.owner()),
                chosen.privacyOwner() == null ? "-" : users.displayName(chosen.privacyOwner())));
        owners.addClassNames(LumoUtility.TextColor.SECONDARY);

        List<EnvironmentView> all = environments.ofTenant(chosen.code());
        EnvironmentGrid grid = new EnvironmentGrid(locale, e -> templates.find(e.template())
                .map(t -> t.name(locale)).orElse(e.template()), ledger::creditsThisMonth, true, users::displayName);
        grid.setId("tenant-environments");
        grid.show(all);
        Paragraph empty = new Paragraph(getTranslation("environments.tenant-empty"));
        empty.setVisible(all.isEmpty());

        content.add(budgetLine, owners, new H2(getTranslation("tenant.sustainability")),
                new FootprintPanel(sustainability.of(chosen.code()), locale),
                new H2(getTranslation("tenant.environments")), empty, grid,
                new H2(getTranslation("tenant.ledger")), ledgerGrid(chosen, all));
    }

    private Grid<CreditLedger.Line> ledgerGrid(Tenant chosen, List<EnvironmentView> all) {
        var locale = getLocale();
        Grid<CreditLedger.Line> grid = new Grid<>(CreditLedger.Line.class, false);
        grid.addColumn(line -> line.month().atDay(1).format(java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", locale)))
                .setHeader(getTranslation("ledger.month")).setAutoWidth(true);
        grid.addColumn(CreditLedger.Line::environment).setHeader(getTranslation("environment.name")).setFlexGrow(1);
        grid.addColumn(line -> EnvironmentTexts.number(java.math.BigDecimal.valueOf(line.running().getSeconds())
                        .divide(java.math.BigDecimal.valueOf(3600), 1, java.math.RoundingMode.HALF_UP), 1, locale))
                .setHeader(getTranslation("ledger.hours")).setAutoWidth(true);
        grid.addColumn(line -> EnvironmentTexts.credits(line.credits(), locale)).setHeader(getTranslation("ledger.credits"))
                .setAutoWidth(true);
        grid.addColumn(line -> Formats.euros(line.euros(), locale)).setHeader(getTranslation("ledger.euros"))
                .setAutoWidth(true);
        grid.addComponentColumn(line -> {
            Span kind = new Span(getTranslation(line.provisional() ? "ledger.running" : "ledger.booked"));
            kind.getElement().getThemeList().add(line.provisional() ? "badge" : "badge contrast");
            return kind;
        }).setHeader(getTranslation("ledger.kind")).setAutoWidth(true);
        grid.setItems(ledger.ledger(chosen.code(), all.stream().map(EnvironmentView::environment).toList()));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setAllRowsVisible(true);
        grid.setId("tenant-ledger");
        return grid;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.tenant-environments") + " · Loket";
    }
}
