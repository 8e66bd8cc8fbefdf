package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import nl.loket.catalog.NotStartableException;
import nl.loket.inbox.InboxService;
import nl.loket.inbox.TaskFormService;
import nl.loket.inbox.TaskNotAvailableException;
import nl.loket.forms.FieldError;
import nl.loket.forms.FormField;
import nl.loket.support.EquipmentLoan;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;


/**
 * A request type deployed at run time as a BPMN model and a Camunda Form, with no Java of its own: it starts from
 * its form, the server validates the submission, and typed variables reach the process.
 */
@LoketIntegrationTest
class FormRequestTypeIT {

    static final String KEY = EquipmentLoan.KEY;

    @Autowired FormRequestService service;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;
    @Autowired InboxService inbox;
    @Autowired RequestService requests;
    @Autowired TaskFormService taskForms;
    @Autowired HistoryService historyService;

    @BeforeEach
    void deploy() {
        EquipmentLoan.deployOnce(repositoryService);
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @Test
    void the_start_form_comes_from_the_deployment() {
        users.loginAs("emma");
        var start = service.startForm(KEY, Locale.forLanguageTag("nl")).orElseThrow();
        assertThat(start.item().name()).isEqualTo("Apparatuur lenen");
        assertThat(start.schema().inputs()).extracting(FormField::key)
                .containsExactly("item", "days", "from", "deliver", "desk");
    }

    @Test
    void a_valid_submission_starts_the_process_with_typed_variables() {
        users.loginAs("emma");
        Request request = service.submit(KEY, Map.of("item", "projector", "days", 3, "from", "2026-12-01",
                "deliver", true, "desk", "B204"), Locale.ENGLISH);

        assertThat(request.type()).isEqualTo(KEY);
        assertThat(request.summary()).isEqualTo("Equipment loan");
        Map<String, Object> variables = runtimeService.getVariables(request.processInstanceId());
        assertThat(variables).containsEntry("item", "projector").as("as Tasklist stores them").containsEntry("days", 3)
                .containsEntry("deliver", true).containsEntry("desk", "B204")
                .containsEntry("requester", "emma").containsEntry("approver", "mark")
                .containsEntry("requestId", request.id());
        assertThat(variables.get("from")).as("a date as form-js stores it").isEqualTo("2026-12-01");

        // what she filled in is shown as the request's details, labelled as in the form
        assertThat(requests.myRequest(request.number()).orElseThrow().facts())
                .extracting(RequestFact::labelKey, RequestFact::value)
                .contains(org.assertj.core.groups.Tuple.tuple("What do you need?", "Projector"),
                        org.assertj.core.groups.Tuple.tuple("For how many days?", "3"),
                        org.assertj.core.groups.Tuple.tuple("Deliver to my desk", true),
                        org.assertj.core.groups.Tuple.tuple("From", LocalDate.of(2026, 12, 1)));
    }

    @Test
    void invalid_or_tampered_submissions_create_nothing() {
        users.loginAs("emma");
        long before = jdbc.sql("select count(*) from service_request").query(Long.class).single();
        Map<String, Object> tampered = new HashMap<>(Map.of("item", "laptop", "days", 30, "deliver", true,
                "desk", "my desk", "approved", true));
        assertThatThrownBy(() -> service.submit(KEY, tampered, Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, e -> assertThat(e.errors())
                        .containsOnlyKeys("item", "days", "desk", "approved")
                        .containsEntry("approved", new FieldError("form.validation.unexpected", java.util.List.of())));
        assertThat(jdbc.sql("select count(*) from service_request").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void someone_outside_the_candidate_starters_cannot_start_it() {
        users.loginAs("ada");
        // ada is an employee too; olaf-like users without the employee role are refused
        assertThat(service.startForm(KEY, Locale.ENGLISH)).isPresent();
        users.loginAs("frank");
        assertThat(service.startForm(KEY, Locale.ENGLISH)).isPresent();
        nl.loket.security.UserAccountService accounts = context.getBean(nl.loket.security.UserAccountService.class);
        accounts.createIfAbsent(new nl.loket.security.UserAccount("petra", "Petra Jong", null, null, true,
                java.util.Set.of(nl.loket.security.Roles.FULFILLER)), "secret-for-petra");
        users.loginAs("petra");
        assertThat(service.startForm(KEY, Locale.ENGLISH)).isEmpty();
        assertThatThrownBy(() -> service.submit(KEY, Map.of("item", "headset", "days", 1), Locale.ENGLISH))
                .isInstanceOf(NotStartableException.class);
    }

    @Test
    void the_fulfillers_task_is_completed_through_its_form() {
        users.loginAs("emma");
        Request request = service.submit(KEY, Map.of("item", "headset", "days", 2), Locale.ENGLISH);

        users.loginAs("frank");
        String taskId = inbox.myTasks().stream().filter(t -> t.request().number().equals(request.number()))
                .findFirst().orElseThrow().taskId();
        assertThat(taskForms.formOf(taskId)).hasValueSatisfying(form -> {
            assertThat(form.schema().inputs()).extracting(FormField::key).containsExactly("serialNumber", "condition");
            assertThat(form.isApproval()).isFalse();
        });

        assertThatThrownBy(() -> taskForms.complete(taskId, Map.of("serialNumber", "12", "condition", "broken")))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class,
                        e -> assertThat(e.errors()).containsOnlyKeys("serialNumber", "condition"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).count())
                .isOne();

        taskForms.complete(taskId, Map.of("serialNumber", "SN-123456", "condition", "new"));
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(request.processInstanceId()).count())
                .isZero();
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(request.processInstanceId())
                .variableName("serialNumber").singleResult().getValue()).isEqualTo("SN-123456");
    }

    @Test
    void the_requester_cannot_complete_the_task_of_her_own_request() {
        users.loginAs("emma");
        Request request = service.submit(KEY, Map.of("item", "projector", "days", 1), Locale.ENGLISH);
        String taskId = jdbc.sql("select ID_ from ACT_RU_TASK where PROC_INST_ID_ = ?")
                .param(request.processInstanceId()).query(String.class).single();
        assertThatThrownBy(() -> taskForms.complete(taskId, Map.of("serialNumber", "SN-000001")))
                .isInstanceOf(TaskNotAvailableException.class);
    }
}
