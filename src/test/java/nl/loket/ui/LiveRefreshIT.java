package nl.loket.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

import nl.loket.inbox.InboxFilter;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.ui.InboxView;
import nl.loket.notification.NotificationService;
import nl.loket.request.Request;
import nl.loket.request.ui.MyRequestsView;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.SqlStatements;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.RouteParameters;

/**
 * What an open page shows follows changes made elsewhere (issue 12, point 3): another node or the job executor,
 * simulated by another thread with its own user, or by a row written straight into the database. Nothing reaches
 * this UI but its own poll, which rereads from the database, as on a node that did none of the work.
 */
@LoketIntegrationTest
class LiveRefreshIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired SoftwareRequests software;
    @Autowired InboxService inbox;
    @Autowired NotificationService notifications;
    @Autowired LiveRefresh liveRefresh;
    @Autowired JdbcClient jdbc;
    @Autowired nl.loket.support.TestProcesses processes;

    @AfterEach
    void close() {
        KaribuSupport.close();
        EngineTime.reset();
    }

    @Test
    void the_page_polls_while_it_is_shown() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(5_000);
    }

    @Test
    void the_bell_shows_a_notification_written_by_another_node_at_the_next_poll() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        MainLayout layout = _get(MainLayout.class);
        int before = unread("emma");
        assertThat(shownUnread(layout)).isEqualTo(before);

        jdbc.sql("""
                insert into notification (recipient, request_number, message_key, message_args, created_at)
                values ('emma', null, ?, '', current_timestamp)""").param(NotificationService.FULFILLED).update();
        assertThat(shownUnread(layout)).as("not before the poll").isEqualTo(before);
        poll();

        assertThat(shownUnread(layout)).isEqualTo(before + 1);
        assertThat(layout.unreadCount.isVisible()).isTrue();
        assertThat(layout.bell.getAriaLabel()).hasValueSatisfying(label -> assertThat(label).startsWith(before + 1 + " "));
    }

    @Test
    void the_request_page_shows_the_status_an_approver_on_another_node_gave_it() throws Exception {
        Request request = software.submitAs("emma", "Adobe Acrobat Pro");
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", request.number()));
        assertThat(shownStatus()).isEqualTo("AWAITING_APPROVAL");

        onAnotherNode("mark", () -> {
            String task = inbox.page(InboxFilter.all(), 0, InboxService.MAX_PAGE).stream()
                    .filter(item -> item.request().number().equals(request.number())).findFirst().orElseThrow()
                    .taskId();
            inbox.approve(task);
            return null;
        });
        assertThat(shownStatus()).as("not before the poll").isEqualTo("AWAITING_APPROVAL");
        poll();

        assertThat(shownStatus()).isEqualTo("IN_FULFILMENT");
    }

    @Test
    void my_requests_shows_a_status_changed_elsewhere() throws Exception {
        Request request = software.submitAs("emma", "Adobe Acrobat Pro");
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        MyRequestsView view = _get(MyRequestsView.class);
        assertThat(statusInList(view, request)).isEqualTo(nl.loket.request.RequestStatus.AWAITING_APPROVAL);

        onAnotherNode("mark", () -> {
            inbox.reject(taskOf(request), "Not this quarter.");
            // the rest of the process, on whichever node's job executor takes it
            processes.executeJobs();
            return null;
        });
        poll();

        assertThat(statusInList(view, request)).isEqualTo(nl.loket.request.RequestStatus.REJECTED);
    }

    @Test
    void the_inbox_count_and_list_show_a_task_that_arrived_through_another_node() throws Exception {
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        MainLayout layout = _get(MainLayout.class);
        String before = inboxBadge(layout);
        int listed = inboxRows().size();

        Request request = onAnotherNode("emma", () -> software.submit("Adobe Acrobat Pro", false));
        poll();

        assertThat(inboxBadge(layout)).isNotEqualTo(before);
        assertThat(inboxRows()).as("the list is loaded again").hasSize(listed + 1)
                .anyMatch(item -> item.request().number().equals(request.number()));
    }

    @Test
    void a_poll_costs_a_few_small_queries_and_redraws_nothing_when_nothing_changed() {
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        MainLayout layout = _get(MainLayout.class);
        poll();
        var inboxItem = layout.nav.getItems().stream().filter(i -> "inbox".equals(i.getPath())).findFirst().orElseThrow();
        var suffix = inboxItem.getSuffixComponent();

        SqlStatements.Recorded<Void> recorded = SqlStatements.of(this::poll);

        assertThat(recorded.statements()).as(recorded.describe())
                // the unread count; the inbox: whom mark stands in for, and its capped count; my requests' mark
                .hasSizeLessThanOrEqualTo(4)
                .allSatisfy(sql -> assertThat(sql.strip().toLowerCase(Locale.ROOT)).startsWith("select"));
        assertThat(inboxItem.getSuffixComponent()).as("the same badge, not drawn again").isSameAs(suffix);
    }

    @Test
    void a_page_left_alone_for_a_quarter_of_an_hour_stops_polling_and_starts_again_when_used() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(MyRequestsView.class);
        EngineTime.set(java.time.Instant.now().plus(Duration.ofMinutes(16)));
        poll();
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(-1);

        UI.getCurrent().navigate(RequestDetailView.class, new RouteParameters("number", "REQ-none"));
        assertThat(UI.getCurrent().getPollInterval()).isEqualTo(5_000);
    }

    private void poll() {
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));
    }

    private String taskOf(Request request) {
        return inbox.page(InboxFilter.all(), 0, InboxService.MAX_PAGE).stream()
                .filter(item -> item.request().number().equals(request.number())).findFirst().orElseThrow().taskId();
    }

    /** Work done by another user on another thread, as on another node: this UI hears nothing of it. */
    private <T> T onAnotherNode(String user, Supplier<T> work) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            users.loginAs(user);
            try {
                return work.get();
            } finally {
                TestUsers.logout();
            }
        }).get();
    }

    private int unread(String user) {
        return jdbc.sql("select count(*) from notification where recipient = ? and read_at is null").param(user)
                .query(Integer.class).single();
    }

    private static int shownUnread(MainLayout layout) {
        return layout.unreadCount.isVisible() ? Integer.parseInt(layout.unreadCount.getText()) : 0;
    }

    private static String shownStatus() {
        return _get(Span.class, spec -> spec.withId("request-status")).getElement().getAttribute("data-status");
    }

    private static nl.loket.request.RequestStatus statusInList(MyRequestsView view, Request request) {
        @SuppressWarnings("unchecked")
        var grid = (com.vaadin.flow.component.grid.Grid<Request>) _get(view,
                com.vaadin.flow.component.grid.Grid.class, spec -> spec.withId("my-requests"));
        return grid.getGenericDataView().getItems().filter(r -> r.number().equals(request.number())).findFirst()
                .orElseThrow().status();
    }

    @SuppressWarnings("unchecked")
    private static java.util.List<nl.loket.inbox.InboxItem> inboxRows() {
        // hidden while the inbox is empty, so looked up by hand rather than with Karibu's _get (visible only)
        var grid = (com.vaadin.flow.component.grid.Grid<nl.loket.inbox.InboxItem>) descendants(_get(InboxView.class))
                .filter(c -> "inbox".equals(c.getId().orElse(null))).findFirst().orElseThrow();
        return grid.isVisible() ? com.github.mvysny.kaributesting.v10.GridKt._fetch(grid, 0, InboxService.MAX_PAGE)
                : java.util.List.of();
    }

    private static java.util.stream.Stream<com.vaadin.flow.component.Component> descendants(
            com.vaadin.flow.component.Component component) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(component),
                component.getChildren().flatMap(LiveRefreshIT::descendants));
    }

    private static String inboxBadge(MainLayout layout) {
        SideNavItem item = layout.nav.getItems().stream().filter(i -> "inbox".equals(i.getPath())).findFirst()
                .orElseThrow();
        return item.getSuffixComponent() == null ? "0" : ((Span) item.getSuffixComponent()).getText();
    }
}
