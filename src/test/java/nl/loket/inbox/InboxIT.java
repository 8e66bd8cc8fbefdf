package nl.loket.inbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import nl.loket.request.Request;
import nl.loket.security.Roles;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The inbox as approvers use it, through the services and the read model: group tasks taken and given back,
 * filters, sorting and paging, and two people deciding at once.
 */
@LoketIntegrationTest
class InboxIT {

    @Autowired InboxService inbox;
    @Autowired InboxProjection projection;
    @Autowired SoftwareRequests software;
    @Autowired TestUsers users;
    @Autowired UserAccountService accounts;
    @Autowired TaskService taskService;
    @Autowired JdbcClient jdbc;

    @BeforeEach
    void approvers() {
        users.approver("anna", "Anna de Boer", null);
        users.approver("bert", "Bert Smit", null);
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void the_read_model_holds_a_task_exactly_while_it_is_open() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        assertThat(rowsFor(request)).isEqualTo(1);
        assertThat(jdbc.sql("select assignee from inbox_task where request_id = ?").param(request.id())
                .query(String.class).single()).isEqualTo("mark");

        users.loginAs("mark");
        inbox.approve(taskOf(request, InboxFilter.all()).taskId());
        assertThat(rowsFor(request)).isZero();
    }

    @Test
    void a_group_task_is_taken_given_back_and_never_shown_to_its_requester() {
        // mark has no manager: his request is offered to the approver group
        Request request = software.submitAs("mark", "Adobe Acrobat Pro");

        users.loginAs("anna");
        InboxItem offered = taskOf(request, InboxFilter.all().withScope(InboxFilter.Scope.GROUP));
        assertThat(offered.isGroupTask()).isTrue();
        assertThat(find(request, InboxFilter.all().withScope(InboxFilter.Scope.MINE))).isEmpty();

        inbox.claim(offered.taskId());
        assertThat(taskOf(request, InboxFilter.all().withScope(InboxFilter.Scope.MINE)).assignedToMe()).isTrue();
        assertThat(find(request, InboxFilter.all().withScope(InboxFilter.Scope.GROUP))).isEmpty();

        users.loginAs("bert");
        assertThat(find(request, InboxFilter.all())).as("taken by anna: gone from bert's inbox").isEmpty();
        assertThatThrownBy(() -> inbox.claim(offered.taskId())).isInstanceOfSatisfying(TaskAlreadyTakenException.class,
                e -> assertThat(e.handledByName()).isEqualTo("Anna de Boer"));
        assertThatThrownBy(() -> inbox.open(offered.taskId())).as("still open with anna: taken, not handled")
                .isInstanceOfSatisfying(TaskAlreadyTakenException.class, e -> {
                    assertThat(e.handledByName()).isEqualTo("Anna de Boer");
                    assertThat(e.stillOpen()).isTrue();
                });
        users.loginAs("frank");
        assertThatThrownBy(() -> inbox.open(offered.taskId())).as("not offered to frank: he learns nothing")
                .isInstanceOf(TaskNotAvailableException.class);

        users.loginAs("anna");
        inbox.unclaim(offered.taskId());
        users.loginAs("bert");
        assertThat(taskOf(request, InboxFilter.all().withScope(InboxFilter.Scope.GROUP)).isGroupTask()).isTrue();

        users.loginAs("mark");
        assertThat(find(request, InboxFilter.all())).as("four-eyes: not in the requester's own inbox").isEmpty();
        assertThatThrownBy(() -> inbox.claim(offered.taskId())).isInstanceOf(OwnRequestException.class);
    }

    @Test
    void filters_sorting_and_paging_are_done_by_the_server() {
        Request visio = software.submitAs("emma", "Microsoft Visio");
        Request acrobat = software.submitAs("frank", "Adobe Acrobat Pro");
        String visioTask = taskIdOf(visio);
        taskService.setPriority(visioTask, 90);
        taskService.setDueDate(visioTask, Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));

        users.loginAs("mark");
        InboxFilter all = InboxFilter.all();
        assertThat(numbers(new InboxFilter(InboxFilter.Scope.ALL, null, "frank", null, null, null,
                InboxFilter.Sort.OLDEST_FIRST))).contains(acrobat.number()).doesNotContain(visio.number());
        assertThat(numbers(new InboxFilter(InboxFilter.Scope.ALL, null, null, 75, null, null,
                InboxFilter.Sort.OLDEST_FIRST))).contains(visio.number()).doesNotContain(acrobat.number());
        assertThat(numbers(new InboxFilter(InboxFilter.Scope.ALL, null, null, null, Instant.now(), null,
                InboxFilter.Sort.OLDEST_FIRST))).as("overdue").contains(visio.number()).doesNotContain(acrobat.number());
        assertThat(numbers(new InboxFilter(InboxFilter.Scope.ALL, "no-such-type", null, null, null, null,
                InboxFilter.Sort.OLDEST_FIRST))).isEmpty();
        assertThat(numbers(new InboxFilter(InboxFilter.Scope.ALL, "software-access", null, null, null,
                Instant.now().minus(1, ChronoUnit.DAYS), InboxFilter.Sort.OLDEST_FIRST)))
                .as("nothing has waited a day yet").isEmpty();

        assertThat(inbox.page(all.withSort(InboxFilter.Sort.PRIORITY_FIRST), 0, 1)).extracting(InboxItem::taskId)
                .containsExactly(visioTask);
        assertThat(inbox.page(all.withSort(InboxFilter.Sort.NEWEST_FIRST), 0, 1).get(0).request().number())
                .isEqualTo(acrobat.number());
        int count = inbox.count(all);
        List<InboxItem> pageOne = inbox.page(all, 0, 2);
        List<InboxItem> pageTwo = inbox.page(all, 2, 2);
        assertThat(pageOne).hasSize(Math.min(2, count));
        assertThat(pageTwo).extracting(InboxItem::taskId).doesNotContainAnyElementsOf(
                pageOne.stream().map(InboxItem::taskId).toList());
        assertThat(inbox.requesters()).extracting(e -> e.getKey()).contains("emma", "frank").doesNotContain("mark");
        assertThat(inbox.requestTypes()).contains("software-access");
    }

    /** Repeated, because a race shows itself only sometimes (this one found a task vanishing mid-lookup). */
    @RepeatedTest(10)
    void two_approvers_deciding_at_once_exactly_one_wins_and_the_other_is_told_who() throws Exception {
        Request request = software.submitAs("mark", "Microsoft Visio");
        String taskId = taskIdOf(request);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> anna = pool.submit(decideAs("anna", taskId, start));
            Future<String> bert = pool.submit(decideAs("bert", taskId, start));
            start.countDown();
            List<String> outcomes = List.of(anna.get(30, TimeUnit.SECONDS), bert.get(30, TimeUnit.SECONDS));
            assertThat(outcomes).filteredOn("approved"::equals).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o.startsWith("taken")).hasSize(1)
                    .first().satisfies(o -> assertThat(o).isIn("taken by Anna de Boer", "taken by Bert Smit"));
        } finally {
            pool.shutdownNow();
        }
        assertThat(rowsFor(request)).isZero();
    }

    @Test
    void the_read_model_is_rebuilt_from_the_engine_when_it_lags_behind() {
        Request request = software.submitAs("emma", "Microsoft Visio");
        jdbc.sql("delete from inbox_task_candidate").update();
        jdbc.sql("delete from inbox_task").update();

        projection.catchUp();

        assertThat(rowsFor(request)).isEqualTo(1);
        users.loginAs("mark");
        assertThat(taskOf(request, InboxFilter.all()).assignedToMe()).isTrue();
    }

    private Callable<String> decideAs(String username, String taskId, CountDownLatch start) {
        return () -> {
            users.loginAs(username);
            try {
                start.await();
                inbox.approve(taskId);
                return "approved";
            } catch (TaskAlreadyTakenException e) {
                return "taken by " + e.handledByName();
            } finally {
                TestUsers.logout();
            }
        };
    }


    private String taskIdOf(Request request) {
        return jdbc.sql("select task_id from inbox_task where request_id = ?").param(request.id())
                .query(String.class).single();
    }

    private java.util.Optional<InboxItem> find(Request request, InboxFilter filter) {
        return inbox.page(filter, 0, InboxService.MAX_PAGE).stream()
                .filter(item -> item.request().number().equals(request.number())).findFirst();
    }

    private InboxItem taskOf(Request request, InboxFilter filter) {
        return find(request, filter).orElseThrow(() -> new AssertionError("No task for " + request.number()));
    }

    private List<String> numbers(InboxFilter filter) {
        return inbox.page(filter, 0, InboxService.MAX_PAGE).stream().map(item -> item.request().number()).toList();
    }

    private int rowsFor(Request request) {
        return jdbc.sql("select count(*) from inbox_task where request_id = ?").param(request.id())
                .query(Integer.class).single();
    }
}
