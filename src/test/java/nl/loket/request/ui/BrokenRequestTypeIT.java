package nl.loket.request.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import nl.loket.request.FormRequestService;
import nl.loket.request.RequestNotStartedException;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestModels;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

/**
 * A published request type whose model fails when it starts (a gateway names a variable no field provides): the
 * employee is told plainly, with no "Something went wrong", and nothing of the request is kept.
 */
@LoketIntegrationTest
class BrokenRequestTypeIT {

    static final String KEY = "broken-type";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired org.camunda.bpm.engine.TaskService taskService;
    @Autowired FormRequestService requests;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeEach
    void deploy() {
        TestModels.deployOnce(repositoryService, KEY, "form-fidelity/broken-type.bpmn",
                "form-fidelity/broken-type-request.form");
        TestModels.deployOnce(repositoryService, "broken-step", "form-fidelity/broken-step.bpmn",
                "form-fidelity/broken-step-request.form", "form-fidelity/broken-step-check.form");
    }

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void the_engine_error_is_a_clear_refusal_and_no_request_row_is_left() {
        users.loginAs("emma");
        long before = requestRows();
        assertThatThrownBy(() -> requests.submit(KEY, Map.of("reason", "x"), Locale.ENGLISH))
                .isInstanceOf(RequestNotStartedException.class);
        assertThat(requestRows()).isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(KEY).count()).isZero();
    }

    @Test
    void the_start_page_says_the_request_type_has_an_error_and_keeps_what_was_typed() {
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(StartRequestView.class, new RouteParameters("key", KEY));
        StartRequestView view = _get(StartRequestView.class);
        ((TextField) view.form.input("reason")).setValue("Needed for the audit");
        NotificationsKt.clearNotifications();

        _click(view.submit);

        NotificationsKt.expectNotifications("This request type has an error, so your request was not submitted and"
                + " nothing was saved. The process administrators can see the cause in the log; please try again"
                + " later.");
        assertThat(((TextField) view.form.input("reason")).getValue()).isEqualTo("Needed for the audit");
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPath()).isEqualTo("request/" + KEY);
    }

    @Test
    void a_model_that_fails_after_a_task_leaves_the_task_open_and_says_so() {
        users.loginAs("emma");
        var request = requests.submit("broken-step", Map.of("reason", "x"), Locale.ENGLISH);
        String taskId = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getId();
        TestUsers.logout();
        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(nl.loket.inbox.ui.TaskView.class, new RouteParameters("taskId", taskId));
        nl.loket.inbox.ui.TaskView view = _get(nl.loket.inbox.ui.TaskView.class);
        NotificationsKt.clearNotifications();

        _click(_get(view, com.vaadin.flow.component.button.Button.class, spec -> spec.withId("complete")));

        NotificationsKt.expectNotifications("The next step of this request type has an error, so nothing was saved"
                + " and the task is still open. The process administrators can see the cause in the log; please try"
                + " again later.");
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("still open").isOne();
        runtimeService.deleteProcessInstance(request.processInstanceId(), "test over", true, true);
    }

    @Test
    void a_bulk_approval_whose_model_fails_after_it_reports_that_task_as_still_open(
            @Autowired nl.loket.inbox.BulkDecisions bulk) {
        TestModels.deployOnce(repositoryService, "broken-approval", "form-fidelity/broken-approval.bpmn",
                "form-fidelity/broken-approval-request.form", "form-fidelity/broken-approval-check.form");
        users.loginAs("emma");
        var request = requests.submit("broken-approval", Map.of("reason", "x"), Locale.ENGLISH);
        String taskId = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getId();
        users.loginAs("mark");

        var results = bulk.approve(java.util.List.of(taskId));

        assertThat(results).singleElement().satisfies(result -> assertThat(result.outcome())
                .isEqualTo(nl.loket.inbox.BulkDecisions.Outcome.MODEL_ERROR));
        assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("still open").isOne();
        runtimeService.deleteProcessInstance(request.processInstanceId(), "test over", true, true);
        TestUsers.logout();
    }

    private long requestRows() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }
}
