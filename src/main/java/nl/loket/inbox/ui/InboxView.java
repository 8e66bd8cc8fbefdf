package nl.loket.inbox.ui;

import java.util.List;

import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.security.Roles;
import nl.loket.ui.Formats;
import nl.loket.ui.MainLayout;
import nl.loket.ui.ModelTexts;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/** Tasks assigned or offered to the user. */
@Route(value = InboxView.PATH, layout = MainLayout.class)
@Menu(title = "nav.inbox", order = 3, icon = "vaadin:inbox")
@RolesAllowed({Roles.APPROVER, Roles.FULFILLER})
public class InboxView extends VerticalLayout implements HasDynamicTitle {

    static final String PATH = "inbox";

    final Grid<InboxItem> grid = new Grid<>(InboxItem.class, false);
    final Paragraph empty = new Paragraph();

    public InboxView(InboxService inbox) {
        addClassName("loket-page");
        grid.addComponentColumn(this::task).setHeader(getTranslation("inbox.task")).setAutoWidth(true);
        grid.addColumn(item -> item.request().number()).setHeader(getTranslation("inbox.request")).setAutoWidth(true)
                .setKey("number");
        grid.addColumn(item -> item.request().summary()).setHeader(getTranslation("request.summary"))
                .setAutoWidth(true).setFlexGrow(1);
        grid.addColumn(InboxItem::requesterName).setHeader(getTranslation("inbox.requester")).setAutoWidth(true);
        grid.addColumn(item -> Formats.dateTime(item.created(), getLocale())).setHeader(getTranslation("inbox.received"))
                .setAutoWidth(true);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setId("inbox");
        grid.addItemClickListener(e -> open(e.getItem()));

        List<InboxItem> tasks = inbox.myTasks();
        grid.setItems(tasks);
        grid.setVisible(!tasks.isEmpty());
        empty.setText(getTranslation("inbox.empty"));
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        empty.setVisible(tasks.isEmpty());
        add(new H2(getTranslation("inbox.title")), empty, grid);
    }

    private Div task(InboxItem item) {
        Span assignment = new Span(getTranslation(item.assignedToMe() ? "inbox.assigned-to-me" : "inbox.offered-to-group"));
        assignment.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(new Div(ModelTexts.activityName(this, item.request().type(), item.taskKey(), item.taskName())),
                assignment);
    }

    void open(InboxItem item) {
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", item.taskId())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title") + " | Loket";
    }
}
