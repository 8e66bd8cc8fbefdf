package nl.loket.inbox.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.loket.catalog.CatalogService;
import nl.loket.inbox.BulkDecisions;
import nl.loket.inbox.InboxFilter;
import nl.loket.inbox.InboxItem;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.TaskAlreadyTakenException;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.inbox.OwnRequestException;
import nl.loket.request.InvalidRequestException;
import nl.loket.security.Roles;
import nl.loket.ui.Formats;
import nl.loket.ui.NarrowScreen;
import nl.loket.ui.MainLayout;
import nl.loket.ui.ModelTexts;
import nl.loket.ui.PageHeading;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.Text;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.ListItem;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.html.UnorderedList;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.Tabs;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.theme.lumo.LumoUtility;

import jakarta.annotation.security.RolesAllowed;

/**
 * Tasks assigned or offered to the user: mine and my groups', filtered and sorted on the server, loaded a page at
 * a time as the user scrolls. Group tasks can be taken (claimed) and given back.
 */
@Route(value = InboxView.PATH, layout = MainLayout.class)
@Menu(title = "nav.inbox", order = 3, icon = "vaadin:inbox")
@RolesAllowed({Roles.APPROVER, Roles.FULFILLER})
public class InboxView extends VerticalLayout implements HasDynamicTitle, nl.loket.ui.LiveView {

    static final String PATH = "inbox";
    static final int HIGH_PRIORITY = 75;
    /** Below this window width the menu and all columns do not fit side by side. */
    static final int MEDIUM_PX = 1200;

    /** Filter choices: how long a task has waited, and when it is due. */
    enum Waiting { ANY, ONE_DAY, THREE_DAYS, ONE_WEEK }

    enum Due { ANY, OVERDUE, WITHIN_THREE_DAYS }

    private final InboxService inbox;
    private final CatalogService catalog;
    private final Clock clock;
    private final Map<String, String> typeNames = new HashMap<>();

    final Tab allTab = new Tab();
    final Tab mineTab = new Tab();
    final Tab groupTab = new Tab();
    final Tabs scope = new Tabs(allTab, mineTab, groupTab);
    final Select<String> type = new Select<>();
    final ComboBox<Map.Entry<String, String>> requester = new ComboBox<>();
    final Select<Boolean> highPriority = new Select<>();
    final Select<Waiting> waiting = new Select<>();
    final Select<Due> due = new Select<>();
    final Grid<InboxItem> grid = new Grid<>(InboxItem.class, false);
    final Paragraph empty = new Paragraph();
    final Span total = new Span();
    /** What the last bulk action could not do, one line per task (for the dialog, and for tests). */
    List<String> lastBulkProblems = List.of();

    final Button approveSelected = new Button();
    final Button rejectSelected = new Button();
    RejectDialog bulkRejectDialog;
    private final BulkDecisions bulk;
    /** The number of tasks in the whole inbox at the last look, to see a change made elsewhere. */
    private int lastTaskCount;

    public InboxView(InboxService inbox, CatalogService catalog, Clock clock, BulkDecisions bulk) {
        this.bulk = bulk;
        this.inbox = inbox;
        this.catalog = catalog;
        this.clock = clock;
        addClassName("loket-page");

        scope.setId("inbox-scope");
        scope.addSelectedChangeListener(e -> refresh());
        add(new PageHeading(getTranslation("inbox.title")), scope, filters(), bulkBar(), empty, grid());
        // the grid takes the rest of the page's height, not a fixed box
        expand(grid);
        refresh();
        lastTaskCount = inbox.myTaskCount();
    }

    /**
     * Tasks that arrived or went elsewhere (another node, the job executor, a colleague): the list is loaded again
     * when the inbox's count changed, unless the user has tasks selected (a bulk decision is being prepared).
     */
    @Override
    public void refreshIfChanged() {
        if (!grid.getSelectedItems().isEmpty()) {
            return;
        }
        int count = inbox.myTaskCount();
        if (count != lastTaskCount) {
            lastTaskCount = count;
            refresh();
        }
    }

    private Component filters() {
        type.setLabel(getTranslation("inbox.filter.type"));
        type.setEmptySelectionAllowed(true);
        type.setEmptySelectionCaption(getTranslation("inbox.filter.any"));
        type.setItems(inbox.requestTypes());
        type.setItemLabelGenerator(key -> key == null ? getTranslation("inbox.filter.any") : typeName(key));
        type.setId("filter-type");

        requester.setLabel(getTranslation("inbox.requester"));
        requester.setItems(inbox.requesters());
        requester.setItemLabelGenerator(Map.Entry::getValue);
        requester.setClearButtonVisible(true);
        requester.setPlaceholder(getTranslation("inbox.filter.any"));
        requester.setId("filter-requester");

        highPriority.setLabel(getTranslation("inbox.filter.priority"));
        highPriority.setItems(false, true);
        highPriority.setValue(false);
        highPriority.setItemLabelGenerator(high -> getTranslation(high ? "inbox.filter.priority.high" : "inbox.filter.any"));
        highPriority.setId("filter-priority");

        waiting.setLabel(getTranslation("inbox.filter.waiting"));
        waiting.setItems(Waiting.values());
        waiting.setValue(Waiting.ANY);
        waiting.setItemLabelGenerator(w -> getTranslation("inbox.filter.waiting." + w.name().toLowerCase()));
        waiting.setId("filter-waiting");

        due.setLabel(getTranslation("inbox.filter.due"));
        due.setItems(Due.values());
        due.setValue(Due.ANY);
        due.setItemLabelGenerator(d -> getTranslation("inbox.filter.due." + d.name().toLowerCase()));
        due.setId("filter-due");

        type.addValueChangeListener(e -> refresh());
        requester.addValueChangeListener(e -> refresh());
        highPriority.addValueChangeListener(e -> refresh());
        waiting.addValueChangeListener(e -> refresh());
        due.addValueChangeListener(e -> refresh());
        for (Component filter : List.of(type, requester, highPriority, waiting, due)) {
            filter.getElement().getStyle().set("width", "10em");
        }
        HorizontalLayout bar = new HorizontalLayout(type, requester, highPriority, waiting, due);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        bar.addClassName("loket-filter-bar");
        return bar;
    }

    /** The total, and what can be done with the selected tasks. */
    private Component bulkBar() {
        approveSelected.setIcon(VaadinIcon.CHECK.create());
        approveSelected.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        approveSelected.setId("approve-selected");
        approveSelected.addClickListener(e -> approveSelected());
        rejectSelected.setIcon(VaadinIcon.CLOSE.create());
        rejectSelected.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        rejectSelected.setId("reject-selected");
        rejectSelected.addClickListener(e -> rejectDialog().open());
        HorizontalLayout bar = new HorizontalLayout(total, approveSelected, rejectSelected);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        updateBulkButtons();
        return bar;
    }

    private void updateBulkButtons() {
        int selected = grid.getSelectedItems().size();
        approveSelected.setText(getTranslation("inbox.bulk.approve", selected));
        rejectSelected.setText(getTranslation("inbox.bulk.reject", selected));
        approveSelected.setEnabled(selected > 0);
        rejectSelected.setEnabled(selected > 0);
    }

    void approveSelected() {
        report(bulk.approve(selectedTaskIds()), "inbox.bulk.approved");
    }

    private RejectDialog rejectDialog() {
        bulkRejectDialog = new RejectDialog(getTranslation("inbox.bulk.reject", grid.getSelectedItems().size()),
                this::rejectSelected);
        return bulkRejectDialog;
    }

    void rejectSelected(String reason) {
        try {
            List<BulkDecisions.Result> results = bulk.reject(selectedTaskIds(), reason);
            bulkRejectDialog.close();
            report(results, "inbox.bulk.rejected");
        } catch (InvalidRequestException e) {
            bulkRejectDialog.refuse(getTranslation(e.fieldErrors().get(InboxService.FIELD_REASON)));
        }
    }

    private List<String> selectedTaskIds() {
        return grid.getSelectedItems().stream().map(InboxItem::taskId).toList();
    }

    /** How many were done, and per task what was not possible and why. */
    private void report(List<BulkDecisions.Result> results, String doneKey) {
        Map<String, String> numbers = new HashMap<>();
        grid.getSelectedItems().forEach(item -> numbers.put(item.taskId(), item.request().number()));
        long done = results.stream().filter(BulkDecisions.Result::isDone).count();
        Notification.show(getTranslation(doneKey, done), 5000, Notification.Position.BOTTOM_END)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        List<String> problems = results.stream().filter(r -> !r.isDone())
                .map(r -> numbers.getOrDefault(r.taskId(), r.taskId()) + ": "
                        + getTranslation("inbox.bulk.outcome." + r.outcome().name().toLowerCase(),
                        r.handledBy() == null ? "?" : r.handledBy()))
                .toList();
        lastBulkProblems = problems;
        if (!problems.isEmpty()) {
            Dialog dialog = new Dialog();
            dialog.setHeaderTitle(getTranslation("inbox.bulk.problems", problems.size()));
            UnorderedList list = new UnorderedList();
            problems.forEach(problem -> list.add(new ListItem(problem)));
            list.setId("bulk-problems");
            dialog.add(list);
            dialog.getFooter().add(new Button(getTranslation("inbox.bulk.close"), e -> dialog.close()));
            dialog.open();
        }
        grid.deselectAll();
        refresh();
    }

    private Grid<InboxItem> grid() {
        // Widths in rem, never em: em resolves against each cell's own font size, and header cells are smaller than
        // body cells, so em-wide columns slide the headers out of line with their rows. Each width fits its header
        // (with the sort arrows) and its values in Dutch and English.
        var task = grid.addComponentColumn(this::task).setHeader(getTranslation("inbox.task")).setWidth("10rem")
                .setFlexGrow(2);
        // wide enough for a whole request number (REQ-2026-000015): two requests never look alike; the requester
        // is named under it
        var request = grid.addComponentColumn(this::request).setHeader(getTranslation("inbox.request"))
                .setWidth("11rem").setFlexGrow(1).setKey("number");
        // on a phone the task and its request share a column, one above the other, so that the action fits beside
        var taskAndRequest = grid.addComponentColumn(item -> new Div(taskName(item), request(item)))
                .setHeader(getTranslation("inbox.task")).setFlexGrow(1).setKey("task-and-request");
        var priority = grid.addComponentColumn(this::priority).setHeader(getTranslation("inbox.priority"))
                .setWidth("7rem").setFlexGrow(0).setSortable(true).setKey(InboxFilter.Sort.PRIORITY_FIRST.name());
        var due = grid.addColumn(item -> Formats.date(item.due(), getLocale()))
                .setHeader(getTranslation("inbox.due")).setWidth("8rem").setFlexGrow(0)
                .setSortable(true).setKey(InboxFilter.Sort.DUE_FIRST.name());
        var received = grid.addComponentColumn(this::received).setHeader(getTranslation("inbox.received"))
                .setWidth("8.5rem").setFlexGrow(0).setSortable(true).setKey(InboxFilter.Sort.OLDEST_FIRST.name());
        // beside the menu on a small laptop or a tablet: the task, its request, when it is due and what to do;
        // on a phone: the task, its request and what to do; the task page has the rest
        NarrowScreen.hideBelow(grid, MEDIUM_PX, java.util.List.of(priority, received));
        NarrowScreen.hideOnPhones(grid, java.util.List.of(task, request, due));
        NarrowScreen.onlyOnPhones(grid, java.util.List.of(taskAndRequest));
        grid.addComponentColumn(this::action).setHeader(getTranslation("inbox.action")).setAutoWidth(true)
                .setFlexGrow(0).setKey("action");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setMultiSort(false);
        grid.setSelectionMode(Grid.SelectionMode.MULTI);
        selectionHeader();
        grid.addSelectionListener(e -> updateBulkButtons());
        grid.setId("inbox");
        grid.setMinHeight("24em");
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.addSortListener(e -> refresh());
        return grid;
    }

    /** What the user chose, as the service's filter. */
    InboxFilter filter() {
        Tab selected = scope.getSelectedTab();
        InboxFilter.Scope whose = selected == mineTab ? InboxFilter.Scope.MINE
                : selected == groupTab ? InboxFilter.Scope.GROUP : InboxFilter.Scope.ALL;
        Instant now = clock.instant();
        Instant waitingSince = switch (waiting.getValue() == null ? Waiting.ANY : waiting.getValue()) {
            case ONE_DAY -> now.minus(Duration.ofDays(1));
            case THREE_DAYS -> now.minus(Duration.ofDays(3));
            case ONE_WEEK -> now.minus(Duration.ofDays(7));
            default -> null;
        };
        Instant dueBefore = switch (due.getValue() == null ? Due.ANY : due.getValue()) {
            case OVERDUE -> now;
            case WITHIN_THREE_DAYS -> now.plus(Duration.ofDays(3));
            default -> null;
        };
        return new InboxFilter(whose, type.getValue(),
                Optional.ofNullable(requester.getValue()).map(Map.Entry::getKey).orElse(null),
                Boolean.TRUE.equals(highPriority.getValue()) ? HIGH_PRIORITY : null, dueBefore, waitingSince, sort());
    }

    private InboxFilter.Sort sort() {
        List<GridSortOrder<InboxItem>> order = grid.getSortOrder();
        if (order.isEmpty()) {
            return InboxFilter.Sort.OLDEST_FIRST;
        }
        InboxFilter.Sort sort = InboxFilter.Sort.valueOf(order.get(0).getSorted().getKey());
        boolean descending = order.get(0).getDirection() == SortDirection.DESCENDING;
        return sort == InboxFilter.Sort.OLDEST_FIRST && descending ? InboxFilter.Sort.NEWEST_FIRST : sort;
    }

    /** Loads again from the server: counts in the tabs, the total, and the first page. */
    void refresh() {
        InboxFilter filter = filter();
        allTab.setLabel(tabLabel("inbox.scope.all", filter.withScope(InboxFilter.Scope.ALL)));
        mineTab.setLabel(tabLabel("inbox.scope.mine", filter.withScope(InboxFilter.Scope.MINE)));
        groupTab.setLabel(tabLabel("inbox.scope.group", filter.withScope(InboxFilter.Scope.GROUP)));
        int count = inbox.count(filter);
        grid.setItems(query -> inbox.page(filter, query.getOffset(), query.getLimit()).stream());
        grid.setVisible(count > 0);
        total.setText(getTranslation("inbox.total", countText(count), count));
        total.addClassNames(LumoUtility.TextColor.SECONDARY, LumoUtility.FontSize.SMALL);
        total.setId("inbox-total");
        total.setVisible(count > 0);
        empty.setText(getTranslation("inbox.empty"));
        empty.addClassNames(LumoUtility.TextColor.SECONDARY);
        empty.setVisible(count == 0);
    }

    private String tabLabel(String key, InboxFilter filter) {
        return getTranslation(key) + " (" + countText(inbox.count(filter)) + ")";
    }

    private static String countText(int count) {
        return count > nl.loket.inbox.InboxService.COUNT_CAP ? nl.loket.inbox.InboxService.COUNT_CAP + "+"
                : String.valueOf(count);
    }

    private Div task(InboxItem item) {
        Span assignment = new Span(getTranslation(item.assignedToMe() ? "inbox.assigned-to-me" : "inbox.offered-to-group"));
        assignment.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        return new Div(taskName(item), assignment);
    }

    private Div taskName(InboxItem item) {
        return new Div(ModelTexts.activityName(this, item.request().type(), item.taskKey(), item.taskName()));
    }

    /**
     * The selection column's header says what the column is for. It has no "select all" here (the inbox loads
     * lazily, and Vaadin shows that box only for lists held in memory), so it would be an empty column header.
     */
    private void selectionHeader() {
        // Vaadin adds the selection column to the page only when the grid is attached: set its header after that
        grid.addAttachListener(attach -> grid.getElement().executeJs(
                "const column = this.querySelector('vaadin-grid-flow-selection-column');"
                        + " if (column) { column.header = $0; }", getTranslation("inbox.select")));
    }

    private Div request(InboxItem item) {
        Span requester = new Span(item.requesterName());
        requester.getStyle().set("white-space", "nowrap");
        Span summary = new Span(new Text(item.request().summary() + " · "), requester);
        summary.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div number = new Div(item.request().number());
        number.getStyle().set("white-space", "nowrap");
        return new Div(number, summary);
    }

    private Component priority(InboxItem item) {
        Span priority = new Span(getTranslation(item.priority() >= HIGH_PRIORITY ? "inbox.priority.high"
                : item.priority() < 50 ? "inbox.priority.low" : "inbox.priority.normal"));
        if (item.priority() >= HIGH_PRIORITY) {
            priority.getElement().getThemeList().add("badge error");
        }
        return priority;
    }

    private Component received(InboxItem item) {
        long days = Duration.between(item.created(), clock.instant()).toDays();
        Span waited = new Span(days < 1 ? getTranslation("inbox.waiting.today")
                : getTranslation("inbox.waiting.days", days));
        waited.addClassNames(LumoUtility.FontSize.SMALL, LumoUtility.TextColor.SECONDARY);
        Div day = new Div(Formats.date(item.created(), getLocale()));
        day.setTitle(Formats.dateTime(item.created(), getLocale()));
        return new Div(day, waited);
    }

    private Component action(InboxItem item) {
        Button button;
        if (item.isGroupTask()) {
            button = new Button(getTranslation("inbox.claim"), VaadinIcon.HAND.create(), e -> claim(item));
            button.setId("claim-" + item.request().number());
        } else {
            button = new Button(getTranslation("inbox.unclaim"), VaadinIcon.ARROW_BACKWARD.create(), e -> unclaim(item));
            button.setId("unclaim-" + item.request().number());
        }
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

    void claim(InboxItem item) {
        act(() -> inbox.claim(item.taskId()), "inbox.claimed", item);
    }

    void unclaim(InboxItem item) {
        act(() -> inbox.unclaim(item.taskId()), "inbox.unclaimed", item);
    }

    private void act(Runnable action, String doneKey, InboxItem item) {
        try {
            action.run();
            Notification.show(getTranslation(doneKey, item.request().number()), 4000, Notification.Position.BOTTOM_END)
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (TaskAlreadyTakenException e) {
            Notification.show(e.handledByName() == null ? getTranslation("inbox.already-handled")
                            : getTranslation("inbox.already-handled-by", e.handledByName()), 6000,
                    Notification.Position.TOP_CENTER).addThemeVariants(NotificationVariant.LUMO_CONTRAST);
        } catch (TaskNotAvailableException | OwnRequestException e) {
            Notification.show(getTranslation("inbox.not-available"), 6000, Notification.Position.TOP_CENTER)
                    .addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private String typeName(String key) {
        return typeNames.computeIfAbsent(key, k -> catalog.typeName(k, getLocale()));
    }

    void open(InboxItem item) {
        getUI().ifPresent(ui -> ui.navigate(TaskView.class, new RouteParameters("taskId", item.taskId())));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.title") + " | Loket";
    }
}
