package nl.loket.request.ui;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import nl.loket.catalog.CatalogService;

import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
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
public class MyRequestsView extends VerticalLayout implements HasDynamicTitle {

    /** Where a new request starts: the catalogue. A route, so that this view depends on no other feature. */
    static final String NEW_REQUEST_PATH = "catalog";

    final Grid<Request> grid = new Grid<>(Request.class, false);
    final Paragraph empty = new Paragraph();

    public MyRequestsView(RequestService requests, CatalogService catalog) {
        Map<String, String> typeNames = new HashMap<>();
        addClassName("loket-page");
        Button newRequest = new Button(getTranslation("my-requests.new"), VaadinIcon.PLUS.create(),
                e -> e.getSource().getUI().ifPresent(ui -> ui.navigate(NEW_REQUEST_PATH)));
        newRequest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        newRequest.setId("new-request");
        HorizontalLayout title = new HorizontalLayout(new H2(getTranslation("my-requests.title")), newRequest);
        title.setWidthFull();
        title.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        title.setAlignItems(FlexComponent.Alignment.CENTER);

        grid.addColumn(Request::number).setHeader(getTranslation("request.number")).setAutoWidth(true)
                .setFlexGrow(0).setKey("number");
        grid.addColumn(r -> typeNames.computeIfAbsent(r.type(), type -> catalog.typeName(type, getLocale()))).setHeader(getTranslation("request.type"))
                .setAutoWidth(true);
        grid.addColumn(Request::summary).setHeader(getTranslation("request.summary")).setFlexGrow(1);
        grid.addComponentColumn(r -> new StatusBadge(r.status())).setHeader(getTranslation("request.status"))
                .setAutoWidth(true).setKey("status");
        grid.addColumn(r -> Formats.dateTime(r.createdAt(), getLocale())).setHeader(getTranslation("request.submitted"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setId("my-requests");

        List<Request> mine = requests.myRequests();
        grid.setItems(mine);
        empty.setText(getTranslation("my-requests.empty"));
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        empty.setVisible(mine.isEmpty());
        grid.setVisible(!mine.isEmpty());
        add(title, empty, grid);
    }

    void open(Request request) {
        getUI().ifPresent(ui -> ui.navigate(RequestDetailView.class, new RouteParameters("number", request.number())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("my-requests.title") + " | Loket";
    }
}
