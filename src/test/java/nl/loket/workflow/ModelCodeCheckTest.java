package nl.loket.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import nl.loket.workflow.CodeFinding.Kind;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What counts as code in a model: each kind refused with what it found, Loket's own kinds of expressions
 * accepted, and everything accepted with the switch on. The models in src/test/resources/code-guard are written
 * the way Camunda Modeler writes them.
 */
class ModelCodeCheckTest {

    /** A published helper bean, like escalationPolicy. */
    @ProcessBean
    static class EscalationPolicy {
        public java.util.Date reminderAt(DelegateExecution execution) {
            return new java.util.Date();
        }
    }

    /** A bean that is not published, like the simulated cloud. */
    static class SimulatedCloudProvider {
    }

    private static final GenericApplicationContext CONTEXT = new GenericApplicationContext();

    static {
        CONTEXT.registerBean("escalationPolicy", EscalationPolicy.class);
        CONTEXT.registerBean("simulatedCloudProvider", SimulatedCloudProvider.class);
        CONTEXT.registerBean("grantSoftwareAccessDelegate", JavaDelegate.class, () -> execution -> { });
        CONTEXT.registerBean("environmentAwaitingApprovalListener", TaskListener.class,
                () -> (DelegateTask task) -> { });
        CONTEXT.refresh();
    }

    private final ModelCodeCheck check = new ModelCodeCheck(new ProcessBeans(CONTEXT), false);

    @ParameterizedTest(name = "{0} is refused: {1} at {2}")
    @CsvSource(delimiter = '|', value = {
            "code-script-task       | SCRIPT           | ScriptTask_Run   | groovy",
            "code-java-class        | JAVA_CLASS       | ServiceTask_Run  | com.example.RunCommandDelegate",
            "code-script-listener   | SCRIPT           | UserTask_Handle  | javascript",
            "code-class-task-listener | JAVA_CLASS     | TaskListener_Run | com.example.RunCommandListener",
            "code-engine-services   | EXPRESSION       | ServiceTask_Run  | "
                    + "${execution.getProcessEngineServices().getRepositoryService()}",
            "code-unpublished-bean  | UNPUBLISHED_BEAN | ServiceTask_Run  | simulatedCloudProvider"})
    void a_model_with_code_is_refused_for_its_reason(String model, Kind kind, String elementId, String detail) {
        assertThat(check.refusals(model + ".bpmn", model(model)))
                .containsExactly(new CodeFinding(model + ".bpmn", elementId, kind, detail));
    }

    @Test
    void the_runtime_exec_expression_is_refused() {
        List<CodeFinding> findings = check.refusals("code-runtime-exec.bpmn", model("code-runtime-exec"));
        assertThat(findings).isNotEmpty().allSatisfy(finding -> {
            assertThat(finding.kind()).isEqualTo(Kind.EXPRESSION);
            assertThat(finding.elementId()).isEqualTo("UserTask_Handle");
            assertThat(finding.detail()).contains("forName('java.lang.Runtime')");
        });
    }

    @Test
    void a_model_that_uses_published_beans_and_variables_is_accepted() {
        assertThat(check.refusals("code-allowed.bpmn", model("code-allowed"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"code-script-task", "code-java-class", "code-script-listener", "code-class-task-listener",
            "code-engine-services", "code-runtime-exec", "code-unpublished-bean"})
    void with_the_switch_on_every_model_is_accepted(String model) {
        ModelCodeCheck allowing = new ModelCodeCheck(new ProcessBeans(CONTEXT), true);
        assertThat(allowing.refusals(model + ".bpmn", model(model))).isEmpty();
        assertThat(check.findings(model + ".bpmn", model(model))).isNotEmpty();
    }

    @ParameterizedTest(name = "allowed: {0}")
    @ValueSource(strings = {"${grantSoftwareAccessDelegate}", "${escalationPolicy.reminderAt(execution)}",
            "${approved}", "${!approved}", "${approvals.contains('refuse')}",
            "${!approvals.contains('refuse') && !approvals.isEmpty()}", "${approvals[0] == 'x'}",
            "${count > 1}", "${note == ''}", "${now()}", "${execution.processBusinessKey}",
            "Reminder for ${requester}", "#{approver}", "${accessories.elements()}",
            "${address.prop(\"city\").stringValue()}", "${S(order).prop('size').numberValue() > 3}",
            "${escalationPolicy.reminderAt(execution).isEmpty()}"})
    void loket_s_kinds_of_expressions_are_allowed(String expression) {
        assertThat(check.refusals("m.bpmn", withExpression(expression))).isEmpty();
    }

    @ParameterizedTest(name = "refused: {0}")
    @ValueSource(strings = {"${execution.getProcessEngineServices()}", "${execution.processEngine}",
            "${execution.setVariable('requester', 'mark')}", "${''.getClass()}", "${approvals.getClass()}",
            "${approvals['class']}", "${escalationPolicy.getClass()}", "${escalationPolicy.reminderAt(execution).time}",
            "${approvals.stream().count()}", "${task.execution}", "${fn:exec('id')}", "${(approvals).size()}",
            "${approvals[execution.getProcessEngineServices()]}", "${simulatedCloudProvider}", "${a.b.c}",
            "${S(order).mapTo('java.lang.Runtime')}", "${address.prop('x').getClass()}",
            "${escalationPolicy.reminderAt(execution).toInstant()}", "${now().class}",
            "${unclosed"})
    void expressions_that_reach_beyond_are_refused(String expression) {
        assertThat(check.refusals("m.bpmn", withExpression(expression))).isNotEmpty();
    }

    @Test
    void a_script_condition_and_a_validator_class_are_refused() {
        String xml = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:sequenceFlow id="Flow_A" sourceRef="a" targetRef="b">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression"
                          language="groovy">true</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    <bpmn:userTask id="UserTask_A"><bpmn:extensionElements><camunda:formData>
                      <camunda:formField id="f" type="string"><camunda:validation>
                        <camunda:constraint name="validator" config="com.example.Validator"/>
                      </camunda:validation></camunda:formField></camunda:formData></bpmn:extensionElements>
                    </bpmn:userTask>
                  </bpmn:process>
                </bpmn:definitions>""";
        assertThat(check.refusals("m.bpmn", xml.getBytes(StandardCharsets.UTF_8)))
                .extracting(CodeFinding::elementId, CodeFinding::kind)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Flow_A", Kind.SCRIPT),
                        org.assertj.core.groups.Tuple.tuple("f", Kind.JAVA_CLASS));
    }

    @Test
    void a_decision_in_juel_is_refused_and_one_in_feel_accepted() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="d" name="d" namespace="t">
                  <decision id="Decision_A"><decisionTable id="T">
                    <input id="I"><inputExpression id="E" typeRef="string" expressionLanguage="%s">
                      <text>x</text></inputExpression></input>
                  </decisionTable></decision>
                </definitions>""";
        assertThat(check.refusals("d.dmn", dmn.formatted("juel").getBytes(StandardCharsets.UTF_8)))
                .extracting(CodeFinding::kind).containsExactly(Kind.EXPRESSION_LANGUAGE);
        assertThat(check.refusals("d.dmn", dmn.formatted("feel").getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void forms_and_other_files_are_not_models() {
        assertThat(check.refusals("request.form", "{\"x\":\"${''.getClass()}\"}".getBytes(StandardCharsets.UTF_8)))
                .isEmpty();
    }

    @Test
    void a_model_with_a_dtd_cannot_be_checked_and_is_refused() {
        String xml = "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x \"y\">]><definitions>&x;</definitions>";
        assertThat(check.refusals("m.bpmn", xml.getBytes(StandardCharsets.UTF_8)))
                .extracting(CodeFinding::kind).containsExactly(Kind.UNREADABLE);
    }

    private static byte[] withExpression(String expression) {
        return """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:serviceTask id="ServiceTask_A" camunda:expression="%s"/>
                  </bpmn:process>
                </bpmn:definitions>""".formatted(expression.replace("&", "&amp;").replace("<", "&lt;")
                        .replace("\"", "&quot;")).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] model(String name) {
        try (InputStream in = ModelCodeCheckTest.class.getResourceAsStream("/code-guard/" + name + ".bpmn")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
