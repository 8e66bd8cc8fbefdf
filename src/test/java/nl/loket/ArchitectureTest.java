package nl.loket;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Loket's boundaries (STYLE.md): the UI never touches the engine, the engine's services live in {@code workflow}
 * only (so a move to a Camunda 7 fork stays contained), constructor injection, and no cycles between features.
 */
@AnalyzeClasses(packages = "nl.loket", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String UI = "nl.loket.ui..";
    private static final String FEATURE_UI = "nl.loket.*.ui..";
    private static final String WORKFLOW = "nl.loket.workflow..";
    /** Camunda's ProcessEngineAuthenticationFilter hands the provider a ProcessEngine; it needs nothing else. */
    private static final String ENGINE_AUTHENTICATION_PROVIDER =
            "nl.loket.security.SpringSecurityEngineAuthenticationProvider";

    @ArchTest
    static final ArchRule ui_never_depends_on_the_engine = noClasses()
            .that().resideInAnyPackage(UI, FEATURE_UI)
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("views go through feature services, which apply Loket's authorisation and keep the engine replaceable");

    @ArchTest
    static final ArchRule only_workflow_uses_the_engine_services = noClasses()
            .that().resideOutsideOfPackage(WORKFLOW)
            .should().dependOnClassesThat().belongToAnyOf(RuntimeService.class, TaskService.class, FormService.class,
                    HistoryService.class, RepositoryService.class, ManagementService.class, IdentityService.class,
                    DecisionService.class)
            .because("workflow is the one door to the engine");

    @ArchTest
    static final ArchRule only_workflow_and_the_engine_authentication_provider_use_the_process_engine = noClasses()
            .that().resideOutsideOfPackage(WORKFLOW)
            .and().doNotHaveFullyQualifiedName(ENGINE_AUTHENTICATION_PROVIDER)
            .should().dependOnClassesThat().belongToAnyOf(ProcessEngine.class)
            .because("workflow is the one door to the engine; Camunda's filter API passes the provider a ProcessEngine");

    @ArchTest
    static final ArchRule vaadin_date_time_and_upload_fields_come_in_the_users_language = noClasses()
            .that().doNotHaveFullyQualifiedName("nl.loket.ui.LocalizedFields")
            .should().callConstructorWhere(com.tngtech.archunit.core.domain.JavaConstructorCall.Predicates.target(
                    com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner(
                            com.tngtech.archunit.base.DescribedPredicate.describe("a Vaadin date, time or upload field",
                                    owner -> owner.isAssignableTo(com.vaadin.flow.component.datepicker.DatePicker.class)
                                            || owner.isAssignableTo(com.vaadin.flow.component.timepicker.TimePicker.class)
                                            || owner.isAssignableTo(com.vaadin.flow.component.datetimepicker.DateTimePicker.class)
                                            || owner.isAssignableTo(com.vaadin.flow.component.upload.Upload.class)))))
            .because("their own texts are English unless set: ui.LocalizedFields creates them in the user's language");

    @ArchTest
    static final ArchRule scheduled_work_runs_on_one_node_at_a_time = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .methods().that().areAnnotatedWith(org.springframework.scheduling.annotation.Scheduled.class)
            .should().beAnnotatedWith(net.javacrumbs.shedlock.spring.annotation.SchedulerLock.class)
            .because("with several nodes on one database every node's scheduler fires: the lock (nl.loket.scheduling) "
                    + "lets one of them do the work");

    @ArchTest
    static final ArchRule start_up_work_runs_on_one_node_at_a_time = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .methods().that(com.tngtech.archunit.base.DescribedPredicate.describe("do work when the application starts",
                    ArchitectureTest::isStartUpWork))
            .should(com.tngtech.archunit.lang.ArchCondition.from(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "wait for the start-up lock (StartUpLock.runAlone)", (com.tngtech.archunit.core.domain.JavaMethod m) ->
                            m.getMethodCallsFromSelf().stream().anyMatch(call -> call.getName().equals("runAlone")
                                    && call.getTargetOwner().isEquivalentTo(nl.loket.scheduling.StartUpLock.class)))))
            .because("nodes that start at the same moment on one database would each do it at once (duplicate keys, "
                    + "a read model rebuilt twice): the start-up lock lets one at a time do it");

    private static boolean isStartUpWork(com.tngtech.archunit.core.domain.JavaMethod method) {
        boolean runner = method.getName().equals("run")
                && method.getOwner().isAssignableTo(org.springframework.boot.ApplicationRunner.class)
                && !method.getOwner().isInterface();
        boolean onReady = method.tryGetAnnotationOfType(org.springframework.context.event.EventListener.class)
                .map(listener -> java.util.stream.Stream.concat(java.util.Arrays.stream(listener.value()),
                                java.util.Arrays.stream(listener.classes()))
                        .anyMatch(org.springframework.boot.context.event.ApplicationReadyEvent.class::equals)
                        || method.getRawParameterTypes().stream().anyMatch(type -> type.isAssignableTo(
                                org.springframework.boot.context.event.ApplicationReadyEvent.class)))
                .orElse(false);
        return runner || onReady;
    }

    @ArchTest
    static final ArchRule numbers_money_and_credits_have_one_formatter_per_language = noClasses()
            .that().doNotHaveFullyQualifiedName("nl.loket.ui.Formats")
            .should().dependOnClassesThat().belongToAnyOf(java.text.NumberFormat.class, java.text.DecimalFormat.class)
            .because("one formatter per language for numbers, money and credits (ui.Formats), so a page never mixes "
                    + "\"48,412\" with \"€ 145.236,24\"");

    @ArchTest
    static final ArchRule no_field_injection = fields()
            .should().notBeAnnotatedWith(Autowired.class)
            .because("dependencies come in through the constructor, into final fields");

    @ArchTest
    static final ArchRule features_are_free_of_cycles = slices()
            .matching("nl.loket.(*)..")
            .should().beFreeOfCycles();
}
