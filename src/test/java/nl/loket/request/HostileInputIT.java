package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Random;

import nl.loket.catalog.CatalogItem;
import nl.loket.catalog.CatalogService;
import nl.loket.forms.FieldError;
import nl.loket.forms.FormField;
import nl.loket.inbox.TaskFormService;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.SoftwareRequests;
import nl.loket.support.TestUsers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * Fuzzing every start form and task form through the server-side path the pages use (FormRequestService,
 * TaskFormService): random and hostile values (very long, unicode, control characters, markup, SQL, LDAP and FEEL
 * metacharacters, wrong types, nested structures, fields the form does not have) for every field. Every
 * submission ends in either a request or task completion, or field errors whose messages exist in both languages;
 * never another exception, never a request row without its process. The values come from jqwik's generators
 * (sampled outside a property, so each run tries new ones; a failure names the submission that caused it); which
 * fields get a value and which extra fields are added follows {@code -Dloket.fuzz.seed}; {@code -Dloket.fuzz.rounds}
 * sets the submissions per form.
 */
@LoketIntegrationTest
class HostileInputIT {

    private static final long SEED = Long.getLong("loket.fuzz.seed", 20261202L);
    private static final int ROUNDS = Integer.getInteger("loket.fuzz.rounds", 150);
    private static final List<String> HOSTILE = List.of(
            "'; drop table service_request; --", "\" or 1=1 --", "*)(uid=*))(|(uid=*", "admin)(&)", "${7*7}",
            "#{7*7}", "= 1/0", "=\"a\" + b", "=get value(x, \"y\")", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "javascript:alert(1)", "[link](javascript:alert(1))", "\u0000",
            "a\u0000b", "\u202eevil", "\uD83D\uDE00\uD83D\uDC4D", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\r\n\r\n", "../../etc/passwd",
            "%00", "NaN", "-1", "1e309", "9999999999999999999999", "true", "null", "[]", "{}", " ");

    @Autowired CatalogService catalog;
    @Autowired FormRequestService forms;
    @Autowired TaskFormService taskForms;
    @Autowired SoftwareRequests software;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired nl.loket.support.TestProcesses processes;

    /**
     * Models that other tests of the shared context deploy with a modelling error on purpose
     * ({@code BrokenRequestTypeIT}): they fail for every submission, hostile or not.
     */
    static final java.util.Set<String> DELIBERATELY_BROKEN = java.util.Set.of("broken-type", "broken-step");

    @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;

    private final Random random = new Random(SEED);
    private final java.util.Iterator<Object> values = hostileValues().sampleStream().iterator();
    private final Properties english = bundle("/vaadin-i18n/translations.properties");
    private final Properties dutch = bundle("/vaadin-i18n/translations_nl.properties");

    /** The requests this test made for its task rounds, ended afterwards so that no inbox fills up with them. */
    private final List<String> ownInstances = new ArrayList<>();
    private final Map<String, String> ownTasks = new HashMap<>();

    @AfterEach
    void logout() {
        ownInstances.stream().filter(instance -> runtimeService.createProcessInstanceQuery()
                .processInstanceId(instance).count() > 0)
                .forEach(instance -> runtimeService.deleteProcessInstance(instance, "fuzz test over", true, true));
        ownInstances.clear();
        ownTasks.clear();
        TestUsers.logout();
    }

    @Test
    void every_start_form_answers_hostile_submissions_with_a_request_or_clear_field_errors() {
        users.loginAs("emma");
        List<String> formsTried = new ArrayList<>();
        long requestsBefore = count("select count(*) from service_request");
        long lastIdBefore = count("select coalesce(max(id), 0) from service_request");
        long incidentsBefore = count("select count(*) from act_ru_incident");
        int accepted = 0;
        List<String> acceptedInstances = new ArrayList<>();
        int refused = 0;
        for (CatalogItem item : catalog.items(Locale.ENGLISH)) {
            var start = forms.startForm(item.processKey(), Locale.ENGLISH);
            if (start.isEmpty() || DELIBERATELY_BROKEN.contains(item.processKey())) {
                continue;
            }
            formsTried.add(item.processKey());
            List<FormField> fields = start.get().schema().inputs();
            Map<String, Object> valid = validSubmission(item.processKey());
            for (int round = 0; round < ROUNDS; round++) {
                // every other round: a valid submission with one or two fields replaced, so that hostile text that
                // a field allows gets through and goes on through the process's steps
                Map<String, Object> submission = round % 2 == 0 || valid.isEmpty() ? hostileSubmission(fields)
                        : mutated(valid, fields);
                try {
                    acceptedInstances.add(forms.submit(item.processKey(), submission, Locale.ENGLISH).processInstanceId());
                    accepted++;
                } catch (InvalidFormSubmissionException e) {
                    assertClear(e.errors(), item.processKey(), submission);
                    refused++;
                } catch (InvalidRequestException e) {
                    refused++;
                }
            }
        }
        org.slf4j.LoggerFactory.getLogger(HostileInputIT.class).info(
                "Fuzzed start forms {}: {} submissions accepted, {} refused with field errors", formsTried, accepted,
                refused);
        assertThat(formsTried).as("the start forms fuzzed").contains("software-access");
        assertThat(refused).as("hostile submissions refused with field errors").isGreaterThan(0);
        assertThat(accepted).as("hostile text that the fields allow was accepted").isGreaterThan(0);
        acceptedInstances.forEach(processes::executeJobsOf);
        assertThat(count("select count(*) from act_ru_incident")).as("no step broken by what a form let through")
                .isEqualTo(incidentsBefore);
        assertThat(count("select count(*) from service_request")).as("one request per accepted submission")
                .isEqualTo(requestsBefore + accepted);
        assertThat(count("select count(*) from service_request where process_instance_id is null and id > "
                + lastIdBefore)).as("no request without its process").isZero();
    }

    @Test
    void the_approval_and_fulfilment_task_forms_answer_hostile_completions_with_clear_field_errors() {
        long incidentsBefore = count("select count(*) from act_ru_incident");
        int refused = 0;
        for (int round = 0; round < ROUNDS; round++) {
            String[] task = round % 2 == 0 ? openTask("Microsoft Visio", "mark") : openTask("QGIS", "frank");
            users.loginAs(task[1]);
            List<FormField> fields = taskForms.formOf(task[0]).orElseThrow().schema().inputs();
            Map<String, Object> submission = hostileSubmission(fields);
            try {
                String instance = jdbc.sql("select r.process_instance_id from inbox_task t join service_request r"
                        + " on r.id = t.request_id where t.task_id = ?").param(task[0]).query(String.class).single();
                taskForms.complete(task[0], submission);
                processes.executeJobsOf(instance);
            } catch (InvalidFormSubmissionException e) {
                assertClear(e.errors(), "task " + task[0], submission);
                refused++;
            } finally {
                TestUsers.logout();
            }
        }
        assertThat(refused).isGreaterThan(0);
        assertThat(count("select count(*) from act_ru_incident")).as("no step broken by what a form let through")
                .isEqualTo(incidentsBefore);
    }

    /** An open task of the given kind and its assignee-to-be; a new request when the last one was completed. */
    /**
     * A task of a request of Emma's for this software that this test made: the one of an earlier round while it is
     * open, else a new one. Never a task that another test (or the demo data) made, which this test's accepted
     * completions would finish.
     */
    private String[] openTask(String softwareName, String worker) {
        String open = ownTasks.get(softwareName);
        if (open == null || jdbc.sql("select count(*) from inbox_task where task_id = ?").param(open)
                .query(Long.class).single() == 0) {
            var request = software.submitAs("emma", softwareName);
            ownInstances.add(request.processInstanceId());
            open = jdbc.sql("select task_id from inbox_task where request_id = ?").param(request.id())
                    .query(String.class).single();
            ownTasks.put(softwareName, open);
        }
        return new String[] {open, worker};
    }

    /** A submission the form accepts, where the test knows one. */
    private Map<String, Object> validSubmission(String processKey) {
        return processKey.equals(nl.loket.access.SoftwareAccessProcess.KEY)
                ? SoftwareRequests.form(software.anyFreeSoftware(), SoftwareRequests.JUSTIFICATION, false,
                java.time.LocalDate.now().plusMonths(3))
                : Map.of();
    }

    private Map<String, Object> mutated(Map<String, Object> valid, List<FormField> fields) {
        Map<String, Object> submission = new HashMap<>(valid);
        for (int i = 0; i < 1 + random.nextInt(2); i++) {
            FormField field = fields.get(random.nextInt(fields.size()));
            if (field.key() != null) {
                submission.put(field.key(), random.nextBoolean() ? HOSTILE.get(random.nextInt(HOSTILE.size()))
                        + " " + SoftwareRequests.JUSTIFICATION : values.next());
            }
        }
        return submission;
    }

    private Map<String, Object> hostileSubmission(List<FormField> fields) {
        Map<String, Object> submission = new HashMap<>();
        for (FormField field : fields) {
            if (field.key() != null && random.nextInt(5) > 0) {
                submission.put(field.key(), values.next());
            }
        }
        if (random.nextInt(4) == 0) {
            submission.put(List.of("requester", "requestId", "approver", "__proto__", "a.b").get(random.nextInt(5)),
                    values.next());
        }
        return submission;
    }

    private void assertClear(Map<String, FieldError> errors, String where, Map<String, Object> submission) {
        assertThat(errors).as("%s refused %s without saying why", where, submission).isNotEmpty();
        errors.values().forEach(error -> {
            assertThat(english).as("an English message for %s", error.messageKey()).containsKey(error.messageKey());
            assertThat(dutch).as("a Dutch message for %s", error.messageKey()).containsKey(error.messageKey());
        });
    }

    private static Arbitrary<Object> hostileValues() {
        return Arbitraries.oneOf(
                Arbitraries.of(HOSTILE).map(Object.class::cast),
                Arbitraries.strings().all().ofMaxLength(50).map(Object.class::cast),
                Arbitraries.strings().all().ofMinLength(3_000).ofMaxLength(12_000).map(Object.class::cast),
                Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(20).map(Object.class::cast),
                Arbitraries.integers().map(Object.class::cast),
                Arbitraries.longs().map(Object.class::cast),
                Arbitraries.doubles().map(Object.class::cast),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(Object.class::cast),
                Arbitraries.of(HOSTILE).list().ofMaxSize(5).map(Object.class::cast),
                Arbitraries.just(java.util.Arrays.asList((Object) null)).map(Object.class::cast),
                Arbitraries.just(Map.of("value", "x", "label", "<b>x</b>")).map(Object.class::cast),
                Arbitraries.just(List.of(Map.of("nested", List.of(Map.of("deeper", "x"))))).map(Object.class::cast));
    }

    private long count(String query) {
        return jdbc.sql(query).query(Long.class).single();
    }

    private static Properties bundle(String path) {
        Properties properties = new Properties();
        try (InputStream in = HostileInputIT.class.getResourceAsStream(path)) {
            properties.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
