package nl.loket.environment.ui;

import nl.loket.environment.EnvironmentProperties;
import nl.loket.environment.Footprint;
import nl.loket.environment.SustainabilityService;
import nl.loket.tenant.Tenant;
import nl.loket.tenant.TenantService;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * What running environments on demand instead of always on saves, for all tenants together and per tenant, with
 * the factors behind the energy and CO2e figures.
 */
@Route(value = "sustainability", layout = MainLayout.class)
@Menu(title = "nav.sustainability", order = 6, icon = "vaadin:sun-o")
@RolesAllowed("employee")
public class SustainabilityView extends VerticalLayout implements HasDynamicTitle {

    final Grid<Footprint> perTenant = new Grid<>(Footprint.class, false);

    public SustainabilityView(SustainabilityService sustainability, TenantService tenants) {
        addClassName("loket-page");
        var locale = getLocale();
        Paragraph intro = new Paragraph(getTranslation("sustainability.intro"));
        intro.addClassNames(LumoUtility.TextColor.SECONDARY);
        java.util.Map<String, String> names = tenants.all().stream()
                .collect(java.util.stream.Collectors.toMap(Tenant::code, Tenant::name));
        perTenant.addColumn(f -> names.getOrDefault(f.tenant(), f.tenant())).setHeader(getTranslation("environment.tenant"))
                .setAutoWidth(true).setFlexGrow(1);
        perTenant.addColumn(f -> f.environments()).setHeader(getTranslation("sustainability.environments")).setAutoWidth(true);
        perTenant.addColumn(f -> EnvironmentTexts.number(f.percentAvoided(), 1, locale) + "%")
                .setHeader(getTranslation("sustainability.avoided")).setAutoWidth(true);
        perTenant.addColumn(f -> EnvironmentTexts.credits(f.creditsSaved(), locale))
                .setHeader(getTranslation("sustainability.credits-saved")).setAutoWidth(true);
        perTenant.addColumn(f -> Formats.euros(f.eurosSaved(), locale)).setHeader(getTranslation("sustainability.euros-saved"))
                .setAutoWidth(true);
        perTenant.addColumn(f -> EnvironmentTexts.number(f.kgCo2eAvoided(), 1, locale))
                .setHeader(getTranslation("sustainability.co2")).setAutoWidth(true);
        perTenant.addColumn(f -> f.runningNow() + " / " + f.peakRunning())
                .setHeader(getTranslation("sustainability.running-peak")).setAutoWidth(true);
        perTenant.setItems(sustainability.perTenant());
        perTenant.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        perTenant.setAllRowsVisible(true);
        perTenant.setId("footprint-per-tenant");
        EnvironmentProperties factors = sustainability.factors();
        Paragraph method = new Paragraph(getTranslation("sustainability.method",
                EnvironmentTexts.number(factors.wattsPerComponent(), 1, locale),
                EnvironmentTexts.number(factors.kgCo2ePerKwh(), 3, locale)));
        method.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        method.setId("footprint-method");
        add(new PageHeading(getTranslation("nav.sustainability")), intro, new FootprintPanel(sustainability.overall(), locale),
                new H2(getTranslation("sustainability.per-tenant")), perTenant, method);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("nav.sustainability") + " · Loket";
    }
}
