package nl.loket.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import nl.loket.inbox.InboxItem;
import nl.loket.request.Request;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;

/** The inbox view without a browser: tabs with counts, filters, taking a group task and giving it back. */
@LoketIntegrationTest
class InboxViewIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired UserAccountService accounts;
    @Autowired SoftwareRequests software;

    @BeforeEach
    void anna() {
        users.approver("anna", "Anna de Boer", null);
    }

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void anna_takes_a_group_task_and_gives_it_back_in_dutch() {
        Request request = software.submitAs("mark", "Adobe Acrobat Pro");
        KaribuSupport.openAs("anna", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        assertThat(inbox.groupTab.getLabel()).startsWith("Groepstaken (");

        inbox.scope.setSelectedTab(inbox.groupTab);
        InboxItem item = row(inbox, request);
        assertThat(item.isGroupTask()).isTrue();

        inbox.claim(item);
        assertThat(items(inbox)).as("taken: no longer a group task").noneMatch(i -> i.taskId().equals(item.taskId()));
        inbox.scope.setSelectedTab(inbox.mineTab);
        InboxItem mine = row(inbox, request);
        assertThat(mine.assignedToMe()).isTrue();

        inbox.unclaim(mine);
        inbox.scope.setSelectedTab(inbox.groupTab);
        assertThat(row(inbox, request).isGroupTask()).isTrue();
    }

    @Test
    void filters_narrow_the_list_on_the_server() {
        Request visio = software.submitAs("emma", "Microsoft Visio");
        Request acrobat = software.submitAs("frank", "Adobe Acrobat Pro");
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        assertThat(numbers(inbox)).contains(visio.number(), acrobat.number());

        inbox.requester.setValue(inbox.requester.getGenericDataView().getItems()
                .filter(e -> e.getKey().equals("frank")).findFirst().orElseThrow());
        assertThat(numbers(inbox)).contains(acrobat.number()).doesNotContain(visio.number());
        assertThat(inbox.requester.getGenericDataView().getItems().map(e -> e.getValue()))
                .as("shown by name").contains("Frank Bakker");

        inbox.waiting.setValue(InboxView.Waiting.ONE_WEEK);
        assertThat(numbers(inbox)).isEmpty();
        assertThat(inbox.empty.isVisible()).isTrue();
        assertThat(inbox.empty.getText()).isEqualTo("Nothing to do. Tasks for you will appear here.");
    }

    @Test
    void the_due_date_the_model_set_is_shown_and_the_columns_line_up_with_their_headers() {
        Request visio = software.submitAs("emma", "Microsoft Visio");
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        List<InboxItem> rows = items(inbox);
        int index = rows.indexOf(row(inbox, visio));
        java.time.Instant due = rows.get(index).due();
        assertThat(due).as("the model sets a due date on the approval").isAfter(visio.createdAt());

        assertThat(com.github.mvysny.kaributesting.v10.GridKt._getFormatted(inbox.grid, index,
                nl.loket.inbox.InboxFilter.Sort.DUE_FIRST.name()))
                .isEqualTo(nl.loket.ui.Formats.date(due, Locale.ENGLISH));
        // em resolves against each cell's font size, and header cells are smaller than body cells
        assertThat(inbox.grid.getColumns()).extracting(com.vaadin.flow.component.grid.Grid.Column::getWidth)
                .as("column widths that are the same in the header and the rows")
                .allSatisfy(width -> assertThat(width == null || !width.endsWith("em") || width.endsWith("rem"))
                        .as(width).isTrue());
    }

    @Test
    void mark_approves_two_selected_requests_at_once() {
        Request visio = software.submitAs("emma", "Microsoft Visio");
        Request acrobat = software.submitAs("frank", "Adobe Acrobat Pro");
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(InboxView.class);
        InboxView inbox = _get(InboxView.class);
        assertThat(inbox.approveSelected.isEnabled()).isFalse();

        inbox.grid.select(row(inbox, visio));
        inbox.grid.select(row(inbox, acrobat));
        assertThat(inbox.approveSelected.getText()).isEqualTo("Approve selected (2)");
        inbox.approveSelected();

        assertThat(inbox.lastBulkProblems).isEmpty();
        assertThat(numbers(inbox)).doesNotContain(visio.number(), acrobat.number());
        assertThat(inbox.approveSelected.isEnabled()).isFalse();
    }

    @Test
    void mark_sets_his_absence_with_anna_standing_in_in_dutch(@Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        KaribuSupport.openAs("mark", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(AbsenceView.class);
        AbsenceView view = _get(AbsenceView.class);
        assertThat(view.current.getText()).isEqualTo("U bent niet afwezig.");
        assertThat(view.from.getI18n()).as("Vaadin's own date picker texts in Dutch").satisfies(texts -> {
            assertThat(texts.getToday()).isEqualTo("Vandaag");
            assertThat(texts.getCancel()).isEqualTo("Annuleren");
            assertThat(texts.getMonthNames()).startsWith("januari", "februari").hasSize(12);
            assertThat(texts.getWeekdaysShort()).startsWith("zo", "ma").hasSize(7);
            assertThat(texts.getFirstDayOfWeek()).as("Monday").isEqualTo(1);
            assertThat(texts.getBadInputErrorMessage()).startsWith("Vul een geldige datum in");
        });

        view.save();
        assertThat(view.substitute.isInvalid()).as("no substitute chosen").isTrue();

        view.substitute.setValue(view.substitute.getListDataView().getItems()
                .filter(u -> u.username().equals("anna")).findFirst().orElseThrow());
        view.from.setValue(java.time.LocalDate.now());
        view.until.setValue(java.time.LocalDate.now().minusDays(1));
        view.save();
        assertThat(view.until.isInvalid()).as("ends before it starts").isTrue();

        view.until.setValue(java.time.LocalDate.now().plusDays(7));
        view.save();
        assertThat(view.current.getText()).startsWith("Afwezig van ").endsWith("Anna de Boer vervangt u.");
        view.clear();
        assertThat(view.current.getText()).isEqualTo("U bent niet afwezig.");
        assertThat(jdbc.sql("select count(*) from substitution where username = 'mark'").query(Integer.class).single())
                .isZero();
    }

    private static List<InboxItem> items(InboxView inbox) {
        return inbox.grid.getGenericDataView().getItems().toList();
    }

    private static List<String> numbers(InboxView inbox) {
        return items(inbox).stream().map(i -> i.request().number()).toList();
    }

    private static InboxItem row(InboxView inbox, Request request) {
        return items(inbox).stream().filter(i -> i.request().number().equals(request.number())).findFirst()
                .orElseThrow(() -> new AssertionError("No row for " + request.number()));
    }
}
