package nl.loket;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.MessageEventDefinition;
import org.camunda.bpm.model.bpmn.instance.SendTask;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaExecutionListener;
import org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener;

/**
 * The process models, forms and decisions in the top-level {@code processes/} and {@code forms/} folders, read from
 * the file system (Maven runs tests with the project folder as working directory). Shared by the conventions test and
 * by the Spring test that checks every delegate expression against the application context.
 */
public final class ProcessModels {

    public static final Path PROCESSES = Path.of("processes");
    public static final Path FORMS = Path.of("forms");

    /** The root identifier of an expression such as {@code ${grantAccessDelegate}}: the bean it resolves. */
    private static final Pattern EXPRESSION_ROOT = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_$][A-Za-z0-9_$]*)");

    private ProcessModels() {
    }

    /** Every {@code .bpmn} file under {@code processes/}, sorted. */
    public static List<Path> bpmnFiles() {
        return filesEndingWith(PROCESSES, ".bpmn");
    }

    /** Every {@code .dmn} file under {@code processes/} (including {@code processes/decisions/}), sorted. */
    public static List<Path> dmnFiles() {
        return filesEndingWith(PROCESSES, ".dmn");
    }

    /** Every {@code .form} file under {@code forms/}, sorted. */
    public static List<Path> formFiles() {
        return filesEndingWith(FORMS, ".form");
    }

    public static BpmnModelInstance read(Path bpmnFile) {
        return Bpmn.readModelFromFile(bpmnFile.toFile());
    }

    /** A file's name without its extension: {@code processes/software-access.bpmn} gives {@code software-access}. */
    public static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /**
     * The names of all beans that {@code camunda:delegateExpression}s refer to, in every BPMN file: on service, send
     * and business-rule tasks, message event definitions, task listeners and execution listeners.
     * {@code ${grantSoftwareAccessDelegate}} gives {@code grantSoftwareAccessDelegate}.
     */
    public static Set<String> delegateExpressionBeanNames() {
        Set<String> names = new TreeSet<>();
        for (Path file : bpmnFiles()) {
            delegateExpressions(read(file)).map(ProcessModels::beanName).filter(Objects::nonNull).forEach(names::add);
        }
        return names;
    }

    /** All {@code camunda:delegateExpression} values in one model. */
    public static Stream<String> delegateExpressions(BpmnModelInstance model) {
        return Stream.of(
                        model.getModelElementsByType(ServiceTask.class).stream().map(ServiceTask::getCamundaDelegateExpression),
                        model.getModelElementsByType(SendTask.class).stream().map(SendTask::getCamundaDelegateExpression),
                        model.getModelElementsByType(BusinessRuleTask.class).stream()
                                .map(BusinessRuleTask::getCamundaDelegateExpression),
                        model.getModelElementsByType(MessageEventDefinition.class).stream()
                                .map(MessageEventDefinition::getCamundaDelegateExpression),
                        model.getModelElementsByType(CamundaTaskListener.class).stream()
                                .map(CamundaTaskListener::getCamundaDelegateExpression),
                        model.getModelElementsByType(CamundaExecutionListener.class).stream()
                                .map(CamundaExecutionListener::getCamundaDelegateExpression))
                .flatMap(s -> s)
                .filter(Objects::nonNull);
    }

    /** The bean an expression resolves, or {@code null} if it is not an expression. */
    public static String beanName(String expression) {
        Matcher matcher = EXPRESSION_ROOT.matcher(expression);
        return matcher.find() ? matcher.group(1) : null;
    }

    private static List<Path> filesEndingWith(Path folder, String extension) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> file.getFileName().toString().endsWith(extension))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
