package nl.loket.catalog;

import static nl.loket.catalog.PublishFixtures.TestModel;
import static nl.loket.catalog.PublishFixtures.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import nl.loket.ProcessModels;
import nl.loket.support.LoketIntegrationTest;
import nl.loket.support.TestUsers;
import nl.loket.workflow.ModelCodeCheck;
import nl.loket.workflow.ModelCodeRefusedException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.el.StartProcessVariableScope;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Publishing deploys models, not code: each kind of code is refused with its reason (in both languages) through
 * Loket's publish page, engine REST and the engine's own API, nothing of it is deployed, and the engine's
 * expressions cannot see beans Loket does not publish. Serialized Java objects stay refused on engine REST.
 */
@LoketIntegrationTest
class PublishCodeIT {

    private static final Properties EN = PublishFixtures.bundle("translations.properties");
    private static final Properties NL = PublishFixtures.bundle("translations_nl.properties");
    private static final String PROCESS_ADMIN = "ada";
    private static final String PASSWORD = "demo";

    @Autowired PublishingService publishing;
    @Autowired RepositoryService repositoryService;
    @Autowired RuntimeService runtimeService;
    @Autowired ProcessEngine processEngine;
    @Autowired ModelCodeCheck modelCode;
    @Autowired TestUsers users;
    @LocalServerPort int port;

    @BeforeEach
    void login() {
        users.loginAs(PROCESS_ADMIN);
    }

    @AfterEach
    void logout() {
        TestUsers.logout();
    }

    @ParameterizedTest(name = "{0} is refused with {1}")
    @CsvSource({
            "code-script-task, publish.refused.code.script, ScriptTask_Run",
            "code-java-class, publish.refused.code.java-class, ServiceTask_Run",
            "code-script-listener, publish.refused.code.script, UserTask_Handle",
            "code-class-task-listener, publish.refused.code.java-class, TaskListener_Run",
            "code-engine-services, publish.refused.code.expression, ServiceTask_Run",
            "code-runtime-exec, publish.refused.code.expression, UserTask_Handle",
            "code-unpublished-bean, publish.refused.code.unpublished-bean, ServiceTask_Run"})
    void publishing_a_model_with_code_is_refused_with_the_reason(String model, String messageKey, String element) {
        long deployments = repositoryService.createDeploymentQuery().count();
        Throwable thrown = catchThrowable(() -> publishing.publish("code", Map.of(model + ".bpmn", model(model))));
        assertThat(thrown).isInstanceOf(UploadRefusedException.class);
        assertThat(((UploadRefusedException) thrown).reasons()).extracting(UploadRefusedException.Reason::messageKey)
                .contains(messageKey);
        UploadRefusedException.Reason reason = ((UploadRefusedException) thrown).reasons().stream()
                .filter(r -> r.messageKey().equals(messageKey)).findFirst().orElseThrow();
        assertThat(reason.arguments()).startsWith(model + ".bpmn", element);
        assertThat(EN).containsKey(messageKey);
        assertThat(NL).containsKey(messageKey);
        assertThat(repositoryService.createDeploymentQuery().count()).as("nothing deployed").isEqualTo(deployments);
    }

    @Test
    void a_model_that_uses_loket_s_published_beans_and_variables_is_published() {
        PublishingService.Published published = publishing.publish("code-allowed",
                Map.of("code-allowed.bpmn", model("code-allowed")));
        assertThat(published.processKeys()).containsExactly("code-allowed");
    }

    @Test
    void every_model_loket_ships_passes_the_check() throws IOException {
        List<Path> files = new ArrayList<>(ProcessModels.bpmnFiles());
        files.addAll(ProcessModels.dmnFiles());
        assertThat(files).isNotEmpty();
        for (Path file : files) {
            assertThat(modelCode.refusals(file.getFileName().toString(), Files.readAllBytes(file))).as(file.toString())
                    .isEmpty();
        }
    }

    @Test
    void the_engine_refuses_code_whatever_calls_it() {
        long deployments = repositoryService.createDeploymentQuery().count();
        assertThatThrownBy(() -> repositoryService.createDeployment().name("code")
                .addString("code-runtime-exec.bpmn", new String(model("code-runtime-exec"), StandardCharsets.UTF_8))
                .deploy())
                .isInstanceOf(ModelCodeRefusedException.class)
                .hasMessageContaining("UserTask_Handle").hasMessageContaining("forName('java.lang.Runtime')");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void engine_rest_refuses_a_deployment_with_code_with_400_and_the_reason() throws Exception {
        long deployments = repositoryService.createDeploymentQuery().count();
        HttpResponse<String> response = deploy("code-java-class.bpmn", model("code-java-class"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("Deployment refused").contains("com.example.RunCommandDelegate");
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    @Test
    void engine_rest_deploys_a_model_without_code() throws Exception {
        String key = "publish-code-rest";
        HttpResponse<String> response = deploy(key + ".bpmn", bytes(TestModel.of(key).properties("").start("")
                .xml()));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }

    @Test
    void the_engine_s_expressions_do_not_see_beans_loket_does_not_publish() {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration();
        Object published = evaluate(configuration, "${escalationPolicy}");
        assertThat(published).isNotNull();
        assertThatThrownBy(() -> evaluate(configuration, "${simulatedCloudProvider}"))
                .isInstanceOf(ProcessEngineException.class).hasMessageContaining("simulatedCloudProvider");
        assertThatThrownBy(() -> evaluate(configuration, "${workflowService}"))
                .isInstanceOf(ProcessEngineException.class);
    }

    @Test
    void feel_in_a_decision_cannot_call_java() {
        String dmn = """
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_FeelJava"
                             name="FEEL calling Java" namespace="https://loket.nl/test">
                  <decision id="Decision_FeelJava" name="FEEL calling Java">
                    <variable id="Variable_Out" name="out"/>
                    <literalExpression id="LiteralExpression_Out">
                      <text>{f: function(x) external {java: {class: "java.lang.System",
                        method signature: "getProperty(java.lang.String)"}}, r: f("user.home")}.r</text>
                    </literalExpression>
                  </decision>
                </definitions>""";
        String deployment = repositoryService.createDeployment().name("feel-java")
                .addString("feel-java.dmn", dmn).deploy().getId();
        try {
            assertThatThrownBy(() -> processEngine.getDecisionService().evaluateDecisionByKey("Decision_FeelJava")
                    .evaluate()).rootCause().hasMessageContaining("External functions are disabled");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
    }

    @Test
    void engine_rest_refuses_a_serialized_java_object_variable() throws Exception {
        String key = "publish-code-serialized";
        publishing.publish(key, TestModel.of(key).properties("").start("").upload());
        String instance = runtimeService.startProcessInstanceByKey(key).getId();
        try {
            ByteArrayOutputStream serialized = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(serialized)) {
                out.writeObject(new ArrayList<>(List.of("x")));
            }
            String json = """
                    {"value":"%s","type":"Object","valueInfo":{"objectTypeName":"java.util.ArrayList",
                     "serializationDataFormat":"application/x-java-serialized-object"}}"""
                    .formatted(Base64.getEncoder().encodeToString(serialized.toByteArray()));
            HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/engine-rest/process-instance/"
                            + instance + "/variables/payload")).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(json)));
            assertThat(response.statusCode()).as(response.body()).isBetween(400, 499);
            assertThat(runtimeService.getVariable(instance, "payload")).isNull();
            assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration())
                    .isJavaSerializationFormatEnabled()).isFalse();
        } finally {
            runtimeService.deleteProcessInstance(instance, "test done");
        }
    }

    private static Object evaluate(ProcessEngineConfigurationImpl configuration, String expression) {
        return configuration.getCommandExecutorTxRequired().execute(context -> configuration.getExpressionManager()
                .createExpression(expression).getValue(StartProcessVariableScope.getSharedInstance()));
    }

    private HttpResponse<String> deploy(String fileName, byte[] content) throws Exception {
        String boundary = "loket-" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("deployment-name", "code via rest");
        fields.put("deploy-changed-only", "true");
        for (var field : fields.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey()
                    + "\"\r\n\r\n" + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileName
                + "\"; filename=\"" + fileName + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(uri("/engine-rest/deployment/create"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        String token = Base64.getEncoder().encodeToString((PROCESS_ADMIN + ":" + PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
        return HttpClient.newHttpClient().send(request.header("Authorization", "Basic " + token).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static byte[] model(String name) {
        try (InputStream in = PublishCodeIT.class.getResourceAsStream("/code-guard/" + name + ".bpmn")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
