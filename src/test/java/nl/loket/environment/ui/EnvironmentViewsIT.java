package nl.loket.environment.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.UUID;

import nl.loket.environment.Environment;
import nl.loket.environment.EnvironmentOrder;
import nl.loket.environment.EnvironmentService;
import nl.loket.environment.EnvironmentStatus;
import nl.loket.environment.Schedule;
import nl.loket.environment.Size;
import nl.loket.environment.Stage;
import nl.loket.environment.TemplateCatalog;
import nl.loket.request.Request;
import nl.loket.request.RequestService;
import nl.loket.request.ui.RequestDetailView;
import nl.loket.support.EngineTime;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestProcesses;
import nl.loket.support.TestUsers;
import nl.loket.ui.KaribuSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;

/**
 * Wegwijzer's views without a browser, on the real services: configuring with the estimate, the environment page
 * and its actions, the Friday nudge, the tenant view and the admins' templates.
 */
@LoketIntegrationTest
class EnvironmentViewsIT {

    @Autowired ApplicationContext context;
    @Autowired TestUsers users;
    @Autowired EnvironmentService environments;
    @Autowired RequestService requests;
    @Autowired TemplateCatalog templates;
    @Autowired TestProcesses processes;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @AfterEach
    void close() {
        KaribuSupport.close();
        EngineTime.reset();
        processes.endAll(nl.loket.environment.EnvironmentProcess.KEY);
        processes.endAll(nl.loket.environment.LeaseExtensionProcess.KEY);
    }

    @Test
    void the_configure_page_estimates_refuses_a_bad_name_and_orders_a_good_one() {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(ConfigureEnvironmentView.class);
        ConfigureEnvironmentView view = _get(ConfigureEnvironmentView.class);
        view.tenant.setValue(view.tenant.getListDataView().getItems()
                .filter(t -> t.code().equals("utrecht")).findFirst().orElseThrow());
        // from a template with a large size to ones without: the size choices follow
        view.template.setValue(templates.find("application-landscape").orElseThrow());
        view.size.setValue(Size.LARGE);
        view.template.setValue(templates.find("data-workspace").orElseThrow());
        assertThat(view.size.getListDataView().getItems()).containsExactly(Size.SMALL, Size.MEDIUM);
        view.template.setValue(templates.find("database-sandbox").orElseThrow());
        assertThat(view.size.getValue()).isEqualTo(Size.SMALL);
        assertThat(text("estimate-per-hour")).isEqualTo("0.5 credits");
        assertThat(text("estimate-hours-per-week")).as("office hours").isEqualTo("60 h");
        assertThat(_get(Paragraph.class, spec -> spec.withId("approval")).getText()).startsWith("Approved by the rules");

        view.productionData.setValue(true);
        assertThat(text("estimate-per-hour")).isEqualTo("1 credit");
        assertThat(_get(Paragraph.class, spec -> spec.withId("approval")).getText())
                .isEqualTo("Needs approval by the privacy owner (Sanne de Boer).");
        view.productionData.setValue(false);

        int before = requests.myRequests().size();
        view.name.setValue("Not_DNS");
        view.submit();
        assertThat(view.name.isInvalid()).isTrue();
        assertThat(view.name.getErrorMessage()).startsWith("Only lower-case letters");
        assertThat(requests.myRequests()).as("nothing stored").hasSize(before);

        String name = "ok-" + UUID.randomUUID().toString().substring(0, 6);
        view.name.setValue(name);
        view.submit();
        _get(RequestDetailView.class);
        assertThat(requests.myRequests()).hasSize(before + 1)
                .anyMatch(r -> r.summary().startsWith(name));
    }

    @Test
    void the_owner_sees_connection_and_actions_a_colleague_only_looks_and_an_outsider_sees_nothing() {
        Environment environment = runningEnvironment("emma");
        KaribuSupport.openAs("emma", users, context, Locale.forLanguageTag("nl"));
        UI.getCurrent().navigate(EnvironmentDetailView.class, new RouteParameters("id", String.valueOf(environment.id())));
        assertThat(_get(Paragraph.class, spec -> spec.withId("environment-schedule")).getText()).isEqualTo("ma–vr 07:00–19:00");
        assertThat(_find(Button.class, spec -> spec.withId("stop-now"))).hasSize(1);
        _click(_get(Button.class, spec -> spec.withId("stop-now")));
        assertThat(environments.find(environment.id()).orElseThrow().environment().status())
                .isEqualTo(EnvironmentStatus.STOPPED);
        assertThat(_find(Button.class, spec -> spec.withId("start-now"))).as("redrawn").hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("reveal-secret")));
        assertThat(environments.hasSecret(environment.id())).as("shown once, then gone from Loket").isFalse();
        KaribuSupport.close();

        KaribuSupport.openAs("frank", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(EnvironmentDetailView.class, new RouteParameters("id", String.valueOf(environment.id())));
        assertThat(_find(Button.class, spec -> spec.withId("start-now"))).as("a colleague may look, not act").isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("delete-now"))).isEmpty();
        KaribuSupport.close();

        users.approver("outsider", "Otto Buiten", null);
        KaribuSupport.openAs("outsider", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(EnvironmentDetailView.class, new RouteParameters("id", String.valueOf(environment.id())));
        assertThat(_find(Paragraph.class, spec -> spec.withId("environment-not-found"))).hasSize(1);
        assertThat(_find(Button.class, spec -> spec.withId("stop-now"))).isEmpty();
    }

    @Test
    void on_friday_afternoon_running_environments_are_shown_with_stop_for_the_weekend() {
        Environment environment = runningEnvironment("emma");
        // environments of earlier tests that still run are not this test's business
        jdbc.sql("update environment set status = 'STOPPED' where status = 'RUNNING' and id <> ?")
                .param(environment.id()).update();
        EngineTime.set(LocalDateTime.of(2026, 11, 6, 16, 5));   // Friday
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(EnvironmentsView.class);
        Div nudge = _get(Div.class, spec -> spec.withId("friday-nudge"));
        assertThat(_get(nudge, Span.class, spec -> spec.withText(environment.name()))).isNotNull();
        assertThat(_find(nudge, Span.class, spec -> spec.withText("Weekend ahead: one of your environments still runs.")))
                .hasSize(1);

        _click(_get(Button.class, spec -> spec.withId("nudge-stop-" + environment.id())));
        assertThat(_find(Div.class, spec -> spec.withId("friday-nudge"))).as("nothing runs any more: the banner goes")
                .isEmpty();
        Environment stopped = environments.find(environment.id()).orElseThrow().environment();
        assertThat(stopped.status()).isEqualTo(EnvironmentStatus.STOPPED);
        assertThat(stopped.manualUntil()).as("until Monday 07:00")
                .isEqualTo(LocalDateTime.of(2026, 11, 9, 7, 0).atZone(Schedule.AMSTERDAM).toInstant());
        KaribuSupport.close();

        EngineTime.set(LocalDateTime.of(2026, 11, 6, 15, 55));   // before four: no nudge
        KaribuSupport.openAs("emma", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(EnvironmentsView.class);
        assertThat(_find(Div.class, spec -> spec.withId("friday-nudge"))).isEmpty();
    }

    @Test
    void the_tenant_page_shows_budget_ledger_and_figures_to_members_only() {
        runningEnvironment("emma");
        KaribuSupport.openAs("frank", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TenantEnvironmentsView.class);
        TenantEnvironmentsView view = _get(TenantEnvironmentsView.class);
        assertThat(view.tenant.getListDataView().getItems().map(t -> t.code()).toList())
                .as("frank's tenants (tests may have added more)").contains("utrecht", "zeist", "provincie")
                .doesNotContain("amersfoort");
        view.tenant.setValue(view.tenant.getListDataView().getItems().filter(t -> t.code().equals("utrecht"))
                .findFirst().orElseThrow());
        assertThat(_get(Paragraph.class, spec -> spec.withId("tenant-budget")).getText()).startsWith("Budget 2026: 50,000 credits");
        assertThat(_find(Span.class, spec -> spec.withId("footprint-hours"))).hasSize(1);
        // a tenant with only past environments (the demo history: no process instance any more)
        view.tenant.setValue(view.tenant.getListDataView().getItems().filter(t -> t.code().equals("provincie"))
                .findFirst().orElseThrow());
        assertThat(_get(EnvironmentGrid.class, spec -> spec.withId("tenant-environments")).getGenericDataView()
                .getItems().map(v -> v.environment().status()).distinct().toList()).containsExactly(EnvironmentStatus.DELETED);
        KaribuSupport.close();

        users.approver("stranger", "Stan Vreemd", null);
        KaribuSupport.openAs("stranger", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TenantEnvironmentsView.class);
        assertThat(_find(Paragraph.class, spec -> spec.withId("no-tenant"))).hasSize(1);
        assertThat(environments.ofTenant("utrecht")).as("the service refuses too").isEmpty();
    }

    @Test
    void an_admin_changes_a_template_and_a_bad_one_is_refused_with_a_message() {
        KaribuSupport.openAs("ada", users, context, Locale.ENGLISH);
        UI.getCurrent().navigate(TemplatesView.class);
        TemplatesView view = _get(TemplatesView.class);
        view.edit(templates.find("data-workspace").orElseThrow());
        _get(com.vaadin.flow.component.textfield.BigDecimalField.class, spec -> spec.withId("template-factor-large"))
                .setValue(new BigDecimal("6"));
        _click(_get(Button.class, spec -> spec.withId("save-template")));
        assertThat(templates.find("data-workspace").orElseThrow().sizeFactors().get(Size.LARGE))
                .isEqualByComparingTo("6");

        view.edit(null);
        _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("template-code")).setValue("Bad Code");
        _click(_get(Button.class, spec -> spec.withId("save-template")));
        var code = _get(com.vaadin.flow.component.textfield.TextField.class, spec -> spec.withId("template-code"));
        assertThat(code.isInvalid()).isTrue();
        assertThat(templates.find("Bad Code")).isEmpty();
        // put the factor back for other tests
        var workspace = templates.find("data-workspace").orElseThrow();
        var factors = new java.util.EnumMap<>(workspace.sizeFactors());
        factors.put(Size.LARGE, null);
        templates.save(new nl.loket.environment.EnvironmentTemplate(workspace.code(), workspace.nameEn(),
                workspace.nameNl(), workspace.descriptionEn(), workspace.descriptionNl(), workspace.components(),
                workspace.stages(), workspace.provider(), factors, true));
    }

    /** An environment of emma's in utrecht, made and running (a Tuesday morning, office hours). */
    private Environment runningEnvironment(String owner) {
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 0));
        users.loginAs(owner);
        Request request = environments.order(new EnvironmentOrder("utrecht", "database-sandbox",
                "v-" + UUID.randomUUID().toString().substring(0, 6), Stage.DEVELOPMENT, Size.SMALL, false, false,
                Schedule.officeHours(), LocalDate.of(2026, 11, 30)));
        processes.executeJobsOf(request.processInstanceId());
        EngineTime.set(LocalDateTime.of(2026, 11, 3, 9, 1));
        processes.executeJobsOf(request.processInstanceId());
        Environment environment = environments.findByRequest(request.number()).orElseThrow().environment();
        TestUsers.logout();
        assertThat(environment.status()).isEqualTo(EnvironmentStatus.RUNNING);
        return environment;
    }

    private static String text(String id) {
        return _get(Span.class, spec -> spec.withId(id)).getText();
    }
}
