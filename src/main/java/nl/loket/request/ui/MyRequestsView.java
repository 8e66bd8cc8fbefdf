package nl.loket.request.ui;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.loket.catalog.CatalogService;

import nl.loket.request.Request;
import nl.loket.request.RequestProgress;
import nl.loket.request.RequestService;
import nl.loket.ui.Formats;
import nl.loket.ui.NarrowScreen;
import nl.loket.ui.MainLayout;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteAlias;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.PermitAll;

/** The requester's list of their own requests, newest first. */
@Route(value = "", layout = MainLayout.class)
@Menu(title = "nav.my-requests", order = 1, icon = "vaadin:list")
@RouteAlias(value = "requests", layout = MainLayout.class)
@PermitAll
public class MyRequestsView extends VerticalLayout implements HasDynamicTitle, nl.loket.ui.LiveView {

    /** Where a new request starts: the catalogue. A route, so that this view depends on no other feature. */
    static final String NEW_REQUEST_PATH = "catalog";

    /** Filter choices. */
    enum Shown { ALL, OPEN, CLOSED }

    enum Period { ANY, LAST_30_DAYS, THIS_YEAR }

    final Grid<Request> grid = new Grid<>(Request.class, false);
    final Paragraph empty = new Paragraph();
    final Select<Shown> status = new Select<>();
    final Select<String> type = new Select<>();
    final Select<Period> period = new Select<>();
    private final CatalogService catalog;
    private final RequestService requests;
    private final Clock clock;
    /** The requests' mark at the last load: a change of status on any node changes it. */
    private nl.loket.request.ChangeMark shownMark;
    private final Map<String, String> typeNames = new HashMap<>();
    private List<Request> mine;
    private Map<Long, List<RequestProgress.CurrentStep>> steps;

    public MyRequestsView(RequestService requests, CatalogService catalog, Clock clock) {
        this.catalog = catalog;
        this.requests = requests;
        this.clock = clock;
        addClassName("loket-page");
        Button newRequest = new Button(getTranslation("my-requests.new"), VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NEW_REQUEST_PATH)));
        newRequest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newRequest.setId("new-request");
        HorizontalLayout title = new HorizontalLayout(new PageHeading(getTranslation("my-requests.title")), newRequest);
        title.setWidthFull();
        title.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        title.setAlignItems(FlexComponent.Alignment.CENTER);

        var number = grid.addColumn(Request::number).setHeader(getTranslation("request.number")).setAutoWidth(true)
                .setFlexGrow(0).setKey("number");
        // on a phone the number and the subject share a column, one above the other, so the status fits beside them
        var request = grid.addComponentColumn(this::numberAndSummary).setHeader(getTranslation("request.summary"))
                .setFlexGrow(1).setKey("request");
        var type = grid.addColumn(r -> typeName(r.type())).setHeader(getTranslation("request.type")).setFlexGrow(1);
        var summary = grid.addColumn(Request::summary).setHeader(getTranslation("request.summary")).setFlexGrow(1);
        grid.addComponentColumn(r -> new StatusBadge(r.status())).setHeader(getTranslation("request.status"))
                .setAutoWidth(true).setKey("status");
        var step = grid.addColumn(r -> StepTexts.describe(this, r, steps.get(r.id()), clock))
                .setHeader(getTranslation("request.current-step")).setFlexGrow(3).setKey("step");
        var submitted = grid.addColumn(r -> Formats.date(r.createdAt(), getLocale()))
                .setHeader(getTranslation("request.submitted")).setAutoWidth(true);
        // on a phone: number and subject, and status; the request's page has the rest
        NarrowScreen.hideOnPhones(grid, java.util.List.of(number, type, summary, step, submitted));
        NarrowScreen.onlyOnPhones(grid, java.util.List.of(request));
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("my-requests");

        load();
        empty.setText(getTranslation("my-requests.empty"));
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        add(title, filters(), empty, grid);
        applyFilters();
    }

    private void load() {
        shownMark = requests.myRequestsMark();
        mine = requests.myRequests();
        steps = requests.currentSteps(mine.stream().filter(r -> !r.status().isClosed()).map(Request::id).toList());
    }

    /** A status changed elsewhere (an approval on another node, a step of the job executor): shown again. */
    @Override
    public void refreshIfChanged() {
        if (!requests.myRequestsMark().equals(shownMark)) {
            load();
            applyFilters();
        }
    }

    private HorizontalLayout filters() {
        status.setLabel(getTranslation("request.status"));
        status.setItems(Shown.values());
        status.setValue(Shown.ALL);
        status.setItemLabelGenerator(shown -> getTranslation("my-requests.filter." + shown.name().toLowerCase()));
        status.setId("filter-status");
        type.setLabel(getTranslation("request.type"));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("inbox.filter.any"));
        type.setItems(mine.stream().map(Request::type).distinct().sorted().toList());
        type.setItemLabelGenerator(key -> key == null ? getTranslation("inbox.filter.any") : typeName(key));
        type.setId("filter-type");
        period.setLabel(getTranslation("request.submitted"));
        period.setItems(Period.values());
        period.setValue(Period.ANY);
        period.setItemLabelGenerator(p -> getTranslation("my-requests.period." + p.name().toLowerCase()));
        period.setId("filter-period");
        status.addValueChangeListener(e -> applyFilters());
        type.addValueChangeListener(e -> applyFilters());
        period.addValueChangeListener(e -> applyFilters());
        HorizontalLayout bar = new HorizontalLayout(status, type, period);
        bar.setWrap(true);
        return bar;
    }

    /** The user's own requests are few: filtered here, from the list loaded once. */
    void applyFilters() {
        java.time.Instant now = clock.instant();
        java.time.Instant after = switch (period.getValue() == null ? Period.ANY : period.getValue()) {
            case LAST_30_DAYS -> now.minus(java.time.Duration.ofDays(30));
            case THIS_YEAR -> java.time.LocalDate.now(clock).withDayOfYear(1).atStartOfDay(clock.getZone()).toInstant();
            default -> null;
        };
        Shown shown = status.getValue() == null ? Shown.ALL : status.getValue();
        List<Request> visible = mine.stream()
                .filter(r -> shown == Shown.ALL || (shown == Shown.OPEN) != r.status().isClosed())
                .filter(r -> type.getValue() == null || type.getValue().equals(r.type()))
                .filter(r -> after == null || r.createdAt().isAfter(after))
                .toList();
        grid.setItems(visible);
        grid.setVisible(!visible.isEmpty());
        empty.setText(getTranslation(mine.isEmpty() ? "my-requests.empty" : "my-requests.none-match"));
        empty.setVisible(visible.isEmpty());
    }

    private String typeName(String key) {
        return typeNames.computeIfAbsent(key, k -> catalog.typeName(k, getLocale()));
    }

    void open(Request request) {
        getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, new RouteParameters("number", request.number())));
    }

    private Div numberAndSummary(Request request) {
        Div number = new Div(request.number());
        number.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        number.getStyle().set("white-space", "nowrap");
        return new Div(new Div(request.summary()), number);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-requests.title") + " | Loket";
    }
}
