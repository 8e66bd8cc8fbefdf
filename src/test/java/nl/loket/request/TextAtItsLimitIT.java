package nl.loket.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Map;

import nl.loket.forms.FormSubmissionValidator;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestModels;
import nl.loket.support.TestUsers;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A text field whose form sets no limit takes what the engine can keep: {@link FormSubmissionValidator#MAX_TEXT_LENGTH}
 * characters are stored as the process variable, one more is a field error and nothing is stored (more passed the
 * validator and then failed the whole submission in the engine's 4,000-character variable column).
 */
@LoketIntegrationTest
class TextAtItsLimitIT {

    /** A model of the form-fidelity set whose start form's text field has no maxLength. */
    static final String KEY = "broken-approval";

    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired FormRequestService requests;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;

    private String instance;

    @AfterEach
    void cleanUp() {
        if (instance != null) {
            runtimeService.deleteProcessInstance(instance, "test over", true, true);
        }
        TestUsers.logout();
    }

    @Test
    void a_text_field_without_a_limit_takes_as_much_as_the_engine_keeps_and_refuses_more() {
        TestModels.deployOnce(repositoryService, KEY, "form-fidelity/broken-approval.bpmn",
                "form-fidelity/broken-approval-request.form", "form-fidelity/broken-approval-check.form");
        users.loginAs("emma");
        long rowsBefore = rows();
        String longest = "é".repeat(FormSubmissionValidator.MAX_TEXT_LENGTH - 1) + "x";

        Request request = requests.submit(KEY, Map.of("reason", longest), Locale.ENGLISH);
        instance = request.processInstanceId();
        assertThat(runtimeService.getVariable(instance, "reason")).isEqualTo(longest);

        assertThatThrownBy(() -> requests.submit(KEY, Map.of("reason", longest + "x"), Locale.ENGLISH))
                .isInstanceOfSatisfying(InvalidFormSubmissionException.class, refused ->
                        assertThat(refused.errors()).containsKey("reason"));
        assertThat(rows()).as("one request, the one that fit").isEqualTo(rowsBefore + 1);
    }

    private long rows() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }
}
