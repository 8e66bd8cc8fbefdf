package nl.loket.environment.ui;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import nl.loket.environment.Environment;
import nl.loket.environment.EnvironmentView;
import nl.loket.ui.Formats;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.theme.lumo.LumoUtility;

/** Environments in a list: name and template, stage, status (and expiring), schedule, lease end, credits this month. */
class EnvironmentGrid extends Grid<EnvironmentView> {

    EnvironmentGrid(Locale locale, Function<Environment, String> templateName,
                    Function<Environment, java.math.BigDecimal> creditsThisMonth, boolean showOwner,
                    Function<String, String> displayName) {
        super(EnvironmentView.class, false);
        addComponentColumn(view -> {
            Span name = new Span(view.environment().name());
            name.addClassNames(LumoUtility.FontWeight.SEMIBOLD);
            Span template = new Span(templateName.apply(view.environment()));
            template.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
            return new Div(new Div(name), new Div(template));
        }).setHeader(getTranslation("environment.name")).setFlexGrow(2).setKey("name");
        if (showOwner) {
            addColumn(view -> displayName.apply(view.environment().owner())).setHeader(getTranslation("environment.owner"))
                    .setAutoWidth(true);
        }
        addColumn(view -> EnvironmentTexts.stage(this, view.environment().stage()))
                .setHeader(getTranslation("environment.stage")).setAutoWidth(true);
        addComponentColumn(view -> {
            Div badges = new Div(EnvironmentTexts.statusBadge(this, view.shownStatus()));
            if (view.expiring()) {
                Span expiring = EnvironmentTexts.expiringBadge(this);
                expiring.getStyle().set("margin-left", "var(--lumo-space-xs)");
                badges.add(expiring);
            }
            return badges;
        }).setHeader(getTranslation("environment.status")).setAutoWidth(true).setKey("status");
        addColumn(view -> EnvironmentTexts.schedule(this, view.environment().schedule(), locale))
                .setHeader(getTranslation("environment.schedule")).setAutoWidth(true);
        addColumn(view -> view.environment().status().isLive()
                ? Formats.date(view.environment().leaseEnd().minusSeconds(1), locale)
                : Formats.date(view.environment().deletedAt(), locale))
                .setHeader(getTranslation("environment.lease-end")).setAutoWidth(true);
        addColumn(view -> EnvironmentTexts.credits(creditsThisMonth.apply(view.environment()), locale))
                .setHeader(getTranslation("environment.credits-this-month")).setAutoWidth(true)
                .setPartNameGenerator(v -> "numeric").setKey("credits");
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        setAllRowsVisible(true);
        addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate("environments/" + e.getItem().environment().id())));
    }

    void show(List<EnvironmentView> environments) {
        setItems(environments);
        setVisible(!environments.isEmpty());
    }
}
