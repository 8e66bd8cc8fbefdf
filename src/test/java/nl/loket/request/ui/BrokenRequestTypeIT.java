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
    @Autowired FormRequestService requests;
    @Autowired TestUsers users;
    @Autowired JdbcClient jdbc;
    @Autowired ApplicationContext context;

    @BeforeEach
    void deploy() {
        if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(KEY).count() == 0) {
            repositoryService.createDeployment().name(KEY)
                    .addClasspathResource("form-fidelity/broken-type.bpmn")
                    .addClasspathResource("form-fidelity/broken-type-request.form")
                    .deploy();
        }
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

    private long requestRows() {
        return jdbc.sql("select count(*) from service_request").query(Long.class).single();
    }
}
