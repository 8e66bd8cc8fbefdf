package nl.loket.inbox.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import nl.loket.forms.FormField;
import nl.loket.request.FormRequestService;
import nl.loket.request.Request;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestModels;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;

/**
 * A model and forms drawn as a Camunda user draws them (src/test/resources/form-fidelity): an optional field a gateway
 * compares with '', and a review form with the keys of process variables and an {@code approved} field of its own.
 * Loket must treat them as Tasklist does: the task form opens filled in, the author's form is shown (not Loket's
 * approve/reject view), and only what the reviewer may change is written back.
 */
@LoketIntegrationTest
class TaskFormFidelityIT {

    static final String KEY = "device-review";

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired FormRequestService requests;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TaskService taskService;
    @Autowired HistoryService historyService;

    @BeforeEach
    void deploy() {
        TestModels.deployDeviceReview(repositoryService);
    }

    @AfterEach
    void close() {
        KaribuSupport.close();
    }

    @Test
    void an_optional_field_left_empty_is_stored_empty_so_the_gateway_can_compare_it() {
        users.loginAs("emma");
        Request request = requests.submit(KEY, Map.of("item", "laptop", "days", 3), Locale.ENGLISH);

        Map<String, Object> variables = runtimeService.getVariables(request.processInstanceId());
        assertThat(variables).containsEntry("note", "").containsEntry("item", "laptop").containsEntry("days", 3);
        assertThat(passed(request)).contains("Task_NoNote").doesNotContain("Task_ReadNote");
        assertThat(runtimeService.getVariableTyped(request.processInstanceId(), "accessories").getType().getName())
                .as("a checklist as Json, the type Tasklist submits").isEqualTo("json");
    }

    @Test
    void the_review_form_opens_filled_in_and_writes_back_only_what_the_reviewer_may_change() {
        users.loginAs("emma");
        Request request = requests.submit(KEY, Map.of("item", "tablet", "days", 3, "note", "For the site visit",
                "accessories", List.of("bag")), Locale.ENGLISH);
        assertThat(passed(request)).contains("Task_ReadNote");
        String taskId = taskService.createTaskQuery().processInstanceId(request.processInstanceId()).singleResult()
                .getId();

        KaribuSupport.openAs("mark", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TaskView.class, new RouteParameters("taskId", taskId));
        TaskView view = _get(TaskView.class);
        assertThat(view.approve.getParent()).as("the author's own form, not Loket's approve/reject view").isEmpty();
        assertThat(view.form).isNotNull();

        @SuppressWarnings("unchecked")
        Select<FormField.Option> item = (Select<FormField.Option>) view.form.input("item");
        assertThat(item.getValue().value()).as("filled from the variables, as Tasklist does").isEqualTo("tablet");
        assertThat(item.isReadOnly()).isTrue();
        assertThat(((BigDecimalField) view.form.input("days")).getValue()).isEqualByComparingTo("3");
        assertThat(((TextArea) view.form.input("note")).getValue()).isEqualTo("For the site visit");
        assertThat(((TextArea) view.form.input("note")).isReadOnly()).as("disabled").isTrue();
        @SuppressWarnings("unchecked")
        CheckboxGroup<FormField.Option> accessories = (CheckboxGroup<FormField.Option>) view.form.input("accessories");
        assertThat(accessories.getValue().stream().map(FormField.Option::value).collect(Collectors.toSet()))
                .isEqualTo(Set.of("bag"));

        ((BigDecimalField) view.form.input("days")).setValue(new BigDecimal("5"));
        ((Checkbox) view.form.input("approved")).setValue(true);
        ((TextField) view.form.input("approvedBy")).setValue("Mark de Vries");
        _click(view.complete);

        var history = historyService.createHistoricVariableInstanceQuery()
                .processInstanceId(request.processInstanceId()).list().stream()
                .collect(Collectors.toMap(v -> v.getName(), v -> v.getValue() == null ? "null" : v.getValue()));
        assertThat(history).containsEntry("days", 5).containsEntry("approved", true)
                .containsEntry("approvedBy", "Mark de Vries")
                .as("read-only and disabled fields stay as the requester left them")
                .containsEntry("item", "tablet").containsEntry("note", "For the site visit");
        assertThat(passed(request)).contains("EndEvent_Approved");
    }

    private List<String> passed(Request request) {
        return historyService.createHistoricActivityInstanceQuery().processInstanceId(request.processInstanceId())
                .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }
}
