package nl.loket.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.FormSubmissionValidator;
import nl.loket.forms.FormValidation;
import nl.loket.request.InvalidFormSubmissionException;
import nl.loket.workflow.DeployedForms;
import nl.loket.workflow.TaskWorkService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tasks completed through their Camunda Form: the form from the deployment, the submission validated on the
 * server against it (options and conditions may use the process's variables), completed with typed values. The
 * same access and four-eyes checks as every inbox action.
 */
@Service
public class TaskFormService {

    private static final Logger log = LoggerFactory.getLogger(TaskFormService.class);

    private final InboxService inbox;
    private final DeployedForms forms;
    private final FormSchemaParser parser;
    private final FormSubmissionValidator validator;
    private final TaskWorkService tasks;

    TaskFormService(InboxService inbox, DeployedForms forms, FormSchemaParser parser,
                    FormSubmissionValidator validator, TaskWorkService tasks) {
        this.inbox = inbox;
        this.forms = forms;
        this.parser = parser;
        this.validator = validator;
        this.tasks = tasks;
    }

    /** The task's form, if it has one Loket can render; refuses tasks that are not the caller's. */
    public Optional<FormSchema> formOf(String taskId) {
        inbox.open(taskId);
        return forms.taskForm(taskId).map(parser::parse);
    }

    /** The variables the task's form may refer to (options, conditions); refuses tasks that are not the caller's. */
    public Map<String, Object> contextOf(String taskId) {
        inbox.open(taskId);
        return tasks.variables(taskId);
    }

    /** Whether the task is an approval: its form decides with {@link ApprovalOutcome#APPROVED}. */
    public static boolean isApproval(Optional<FormSchema> form) {
        return form.map(schema -> schema.inputs().stream()
                .anyMatch(field -> ApprovalOutcome.APPROVED.name().equals(field.key()))).orElse(false);
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> submitted) {
        String me = inbox.checkMayDecide(taskId);
        Map<String, Object> values = new HashMap<>();
        Optional<FormSchema> form = forms.taskForm(taskId).map(parser::parse);
        if (form.isPresent()) {
            FormValidation validation = validator.validate(form.get(), submitted, tasks.variables(taskId));
            if (!validation.isValid()) {
                log.warn("Refused completion of task {} by {}: {}", taskId, me, validation.errors().keySet());
                throw new InvalidFormSubmissionException(validation.errors());
            }
            values.putAll(validation.values());
        }
        tasks.completeAs(taskId, me, values);
        log.info("{} completed task {}", me, taskId);
    }
}
