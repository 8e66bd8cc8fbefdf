package nl.loket.environment.ui;

import java.util.List;

import nl.loket.environment.CreditLedger;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentView;
import nl.loket.environment.TemplateCatalog;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** "My environments": the ones the user owns, live first; deleted ones stay in the history. */
@Route(value = "environments", layout = MainLayout.class)
@Menu(title = "nav.environments", order = 2.5, icon = "vaadin:cloud")
@RolesAllowed("employee")
public class EnvironmentsView extends VerticalLayout implements HasDynamicTitle {

    final EnvironmentGrid grid;
    final Checkbox showHistory = new Checkbox();
    final Paragraph empty = new Paragraph();
    private final List<EnvironmentView> mine;

    public EnvironmentsView(EnvironmentService environments, TemplateCatalog templates, CreditLedger ledger) {
        addClassName("loket-page");
        Button order = new Button(getTranslation("environment.new.title"), VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("environments/new")));
        order.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        order.setId("new-environment");
        Button tenant = new Button(getTranslation("nav.tenant-environments"), VaadinIcon.BUILDING.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate("environments/tenant")));
        tenant.setId("tenant-environments");
        HorizontalLayout buttons = new HorizontalLayout(tenant, order);
        HorizontalLayout title = new HorizontalLayout(new PageHeading(getTranslation("environments.title")), buttons);
        title.setWidthFull();
        title.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        title.setAlignItems(FlexComponent.Alignment.CENTER);

        grid = new EnvironmentGrid(getLocale(), e -> templates.find(e.template()).map(t -> t.name(getLocale()))
                .orElse(e.template()), ledger::creditsThisMonth, false, username -> username);
        grid.setId("my-environments");
        showHistory.setLabel(getTranslation("environments.show-history"));
        showHistory.setId("show-history");
        showHistory.addValueChangeListener(e -> show());
        empty.setText(getTranslation("environments.empty"));
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        empty.setId("no-environments");
        mine = environments.mine();
        add(title, showHistory, empty, grid);
        show();
    }

    private void show() {
        List<EnvironmentView> shown = mine.stream()
                .filter(v -> showHistory.getValue() || v.environment().status().isLive()).toList();
        grid.show(shown);
        empty.setVisible(shown.isEmpty());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("environments.title") + " · Loket";
    }
}
