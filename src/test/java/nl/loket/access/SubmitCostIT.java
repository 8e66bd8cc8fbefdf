package nl.loket.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import nl.loket.request.FormRequestService;
import nl.loket.request.Request;
import nl.loket.request.RequestStatus;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.SqlStatements;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a software-access submit and its start page cost the database, and that neither grows with the catalogue
 * (issue 11, points 14 and 16; docs/performance.md). Counted on this thread only, with datasource-proxy.
 */
@LoketIntegrationTest
class SubmitCostIT {

    /**
     * The bare engine's statements for the same process and variables (46, see SubmitBenchmark) plus at most 10 of
     * Loket's own: docs/performance.md lists them.
     */
    static final int STATEMENT_BUDGET = 56;
    static final String EXTRA_PREFIX = "Submit cost test product ";
    static final String FREE = "Visual Studio Code";
    static final String PAID = "IntelliJ IDEA Ultimate";

    @Autowired FormRequestService forms;
    @Autowired SoftwareRequests softwareRequests;
    @Autowired SoftwareCatalog catalog;
    @Autowired TestUsers users;
    @Autowired TestProcesses processes;
    @Autowired JdbcClient jdbc;
    @Autowired RepositoryService repositoryService;
    @Autowired HistoryService historyService;

    @BeforeEach
    void login() {
        users.loginAs("emma");
    }

    @AfterEach
    void tidy() {
        TestUsers.logout();
        jdbc.sql("update software set active = false where name like ?").param(EXTRA_PREFIX + "%").update();
    }

    @Test
    void a_submit_stays_within_its_statement_budget() {
        long free = softwareRequests.softwareId(FREE);
        submit(free); // the first submit after a deployment reads the version and its form, as the first user would
        SqlStatements.Recorded<Request> recorded = SqlStatements.of(() -> submit(free));
        System.out.println("One software-access submit: " + recorded.describe());
        assertThat(recorded.count()).as(recorded.describe()).isLessThanOrEqualTo(STATEMENT_BUDGET);
        assertThat(recorded.result().summary()).isEqualTo(FREE);
        assertThat(recorded.result().status()).isEqualTo(RequestStatus.SUBMITTED);
        assertThat(recorded.result().processInstanceId()).isNotNull();
        // the number is written with the process instance: both are in the row when the submit has committed
        assertThat(jdbc.sql("select request_number, process_instance_id from service_request where id = ?")
                .param(recorded.result().id()).query().singleRow())
                .containsEntry("REQUEST_NUMBER", recorded.result().number())
                .containsEntry("PROCESS_INSTANCE_ID", recorded.result().processInstanceId());
    }

    @Test
    void a_submit_costs_the_same_with_a_larger_catalogue() {
        long free = softwareRequests.softwareId(FREE);
        submit(free);
        int before = SqlStatements.of(() -> submit(free)).count();
        addProducts(20);
        int after = SqlStatements.of(() -> submit(free)).count();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void the_start_page_writes_no_decision_history_and_costs_the_same_with_a_larger_catalogue() {
        forms.startForm(SoftwareAccessProcess.KEY, Locale.ENGLISH).orElseThrow();
        long decisions = decisionInstances();
        SqlStatements.Recorded<Integer> small = SqlStatements.of(() -> options());
        addProducts(20);
        SqlStatements.Recorded<Integer> large = SqlStatements.of(() -> options());

        assertThat(large.result()).isEqualTo(small.result() + 20);
        assertThat(large.count()).as(large.describe()).isEqualTo(small.count());
        assertThat(decisionInstances()).as("decision instances in history").isEqualTo(decisions);
        assertThat(large.statements()).noneMatch(sql -> sql.toUpperCase(Locale.ROOT).contains("ACT_HI_DEC"));
    }

    @Test
    void a_submit_writes_the_one_decision_its_process_takes() {
        long paid = softwareRequests.softwareId(PAID);
        addProducts(20);
        long before = decisionInstances();
        submit(paid);
        assertThat(decisionInstances() - before).isEqualTo(1);
    }

    @Test
    void the_grant_reads_the_decision_from_history_in_one_statement() {
        Request request = submit(softwareRequests.softwareId(FREE));
        SqlStatements.Recorded<Void> grant = SqlStatements.of(() -> processes.executeJobsOf(
                request.processInstanceId()));

        assertThat(jdbc.sql("select status from service_request where id = ?").param(request.id())
                .query(String.class).single()).isEqualTo(RequestStatus.FULFILLED.name());
        // four-eyes: the decision said no approval is needed, read with its outputs in one select
        assertThat(grant.statements().stream().filter(sql -> sql.toUpperCase(Locale.ROOT).contains("ACT_HI_DEC")))
                .as(grant.describe()).singleElement().satisfies(sql -> assertThat(sql.toUpperCase(Locale.ROOT))
                        .contains("ACT_HI_DECINST").contains("ACT_HI_DEC_OUT"));
    }

    @Test
    void an_approval_task_enters_the_inbox_with_one_insert_per_row() {
        long paid = softwareRequests.softwareId(PAID);
        SqlStatements.Recorded<Request> recorded = SqlStatements.of(() -> submit(paid));
        List<String> inbox = recorded.statements().stream().map(SqlStatements::verbAndTable)
                .filter(statement -> statement.contains("INBOX_TASK")).toList();

        assertThat(recorded.result().status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        // one candidate group (approver) next to the assignee (emma's manager)
        assertThat(inbox).containsExactly("insert INBOX_TASK", "insert INBOX_TASK_CANDIDATE");
        Map<String, Object> row = jdbc.sql("select assignee, due_at from inbox_task where request_id = ?")
                .param(recorded.result().id()).query().singleRow();
        assertThat(row.get("assignee")).isEqualTo("mark");
        assertThat(row.get("due_at")).isNotNull();
        assertThat(jdbc.sql("select group_id from inbox_task_candidate c join inbox_task t on t.task_id = c.task_id"
                + " where t.request_id = ?").param(recorded.result().id()).query(String.class).list())
                .containsExactly("approver");
    }

    @Test
    void history_gets_its_removal_time_at_the_start_and_the_end_does_not_rewrite_it() {
        Request request = submit(softwareRequests.softwareId(FREE));
        assertThat(jdbc.sql("select removal_time_ from act_hi_procinst where id_ = ?")
                .param(request.processInstanceId()).query().singleValue()).isNotNull();

        SqlStatements.Recorded<Void> grant = SqlStatements.of(() -> processes.executeJobsOf(request.processInstanceId()));

        assertThat(jdbc.sql("select status from service_request where id = ?").param(request.id())
                .query(String.class).single()).isEqualTo(RequestStatus.FULFILLED.name());
        assertThat(grant.statements()).as(grant.describe())
                .noneMatch(sql -> sql.toUpperCase(Locale.ROOT).matches("(?s)\\s*UPDATE\\s+ACT_HI_.*REMOVAL_TIME_.*"));
    }

    @Test
    void a_new_version_is_seen_at_once_although_the_start_form_is_kept_in_memory() {
        String key = "cache-check-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        deploy(key, "First name", "first");
        assertThat(forms.startForm(key, Locale.ENGLISH).orElseThrow().schema().inputs())
                .extracting(nl.loket.forms.FormField::key).containsExactly("first");
        assertThat(forms.startForm(key, Locale.ENGLISH).orElseThrow().item().name()).isEqualTo("First name");

        deploy(key, "Second name", "second");

        FormRequestService.StartForm second = forms.startForm(key, Locale.ENGLISH).orElseThrow();
        assertThat(second.item().name()).isEqualTo("Second name");
        assertThat(second.schema().inputs()).extracting(nl.loket.forms.FormField::key).containsExactly("second");
        Request request = forms.submit(key, Map.of("second", "filled in"), Locale.ENGLISH);
        assertThat(repositoryService.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
                .singleResult().getVersion()).isEqualTo(2);
        // the instance ended at once: its history tells the version it ran
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(request.processInstanceId())
                .singleResult().getProcessDefinitionId()).isEqualTo(repositoryService.createProcessDefinitionQuery()
                .processDefinitionKey(key).latestVersion().singleResult().getId());
    }

    /** A request type of one start event with a one-field form, deployed as the next version of the key. */
    private void deploy(String key, String name, String field) {
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                                  xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                                  id="Definitions_CacheCheck" targetNamespace="https://loket.nl/test">
                  <bpmn:process id="%1$s" name="%2$s" isExecutable="true" camunda:historyTimeToLive="P1D"
                                camunda:candidateStarterUsers="emma">
                    <bpmn:extensionElements>
                      <camunda:properties>
                        <camunda:property name="loket:category" value="hardware"/>
                      </camunda:properties>
                    </bpmn:extensionElements>
                    <bpmn:startEvent id="StartEvent_Requested" camunda:formRef="%1$s-request"
                                     camunda:formRefBinding="deployment">
                      <bpmn:outgoing>Flow_ToDone</bpmn:outgoing>
                    </bpmn:startEvent>
                    <bpmn:endEvent id="EndEvent_Done">
                      <bpmn:incoming>Flow_ToDone</bpmn:incoming>
                    </bpmn:endEvent>
                    <bpmn:sequenceFlow id="Flow_ToDone" sourceRef="StartEvent_Requested" targetRef="EndEvent_Done"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(key, name);
        String form = """
                {"id": "%s-request", "type": "default", "schemaVersion": 16, "components": [
                  {"label": "Field", "type": "textfield", "id": "Field_One", "key": "%s"}]}""".formatted(key, field);
        repositoryService.createDeployment().name(key)
                .addString(key + ".bpmn", bpmn)
                .addString(key + "-request.form", form)
                .deploy();
    }

    private int options() {
        @SuppressWarnings("unchecked")
        List<Object> options = (List<Object>) forms.startForm(SoftwareAccessProcess.KEY, Locale.ENGLISH).orElseThrow()
                .context().get(SoftwareAccessProcess.SOFTWARE_OPTIONS);
        return options.size();
    }

    private long decisionInstances() {
        return jdbc.sql("select count(*) from act_hi_decinst").query(Long.class).single();
    }

    private void addProducts(int count) {
        for (int i = 0; i < count; i++) {
            catalog.addIfAbsent(EXTRA_PREFIX + i, "Test vendor", "For the cost test",
                    i % 2 == 0 ? BigDecimal.ZERO : new BigDecimal("9.99"));
        }
        jdbc.sql("update software set active = true where name like ?").param(EXTRA_PREFIX + "%").update();
    }

    private Request submit(long software) {
        return softwareRequests.submit(SoftwareRequests.form(software, SoftwareRequests.JUSTIFICATION, false,
                LocalDate.now().plusMonths(6)));
    }
}
