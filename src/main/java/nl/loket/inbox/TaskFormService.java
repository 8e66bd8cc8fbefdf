package nl.loket.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.FormSubmissionValidator;
import nl.loket.forms.FormValidation;
import nl.loket.request.InvalidFormSubmissionException;
import nl.loket.security.CurrentUser;
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
    private final CurrentUser currentUser;

    TaskFormService(InboxService inbox, DeployedForms forms, FormSchemaParser parser,
                    FormSubmissionValidator validator, TaskWorkService tasks, CurrentUser currentUser) {
        this.inbox = inbox;
        this.forms = forms;
        this.parser = parser;
        this.validator = validator;
        this.tasks = tasks;
        this.currentUser = currentUser;
    }

    /** A task's form with the variables it may refer to (options named by {@code valuesKey}, conditions). */
    public record TaskForm(FormSchema schema, Map<String, Object> variables) {

        /** The custom property that makes a form one of Loket's approval forms. */
        public static final String APPROVAL_MARKER = "loket:approval";

        /**
         * One of Loket's own approval forms: its {@link ApprovalOutcome#APPROVED} field carries the custom property
         * {@value #APPROVAL_MARKER} = {@code true}, so the inbox shows its approve/reject view. Any other form, also
         * one with a field {@code approved}, is shown as its author drew it.
         */
        public boolean isApproval() {
            return schema.inputs().stream().anyMatch(field -> ApprovalOutcome.APPROVED.name().equals(field.key())
                    && "true".equals(field.properties().get(APPROVAL_MARKER)));
        }
    }

    /** The task's form, if it has one Loket can render; refuses tasks that are not the caller's. */
    public Optional<TaskForm> formOf(String taskId) {
        inbox.checkOffered(taskId);
        return forms.taskForm(taskId).map(json -> new TaskForm(parser.parse(json), tasks.variables(taskId)));
    }

    @Transactional
    public void complete(String taskId, Map<String, Object> submitted) {
        inbox.checkMayDecide(taskId);
        String me = currentUser.username();
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
        inbox.completeAs(taskId, me, values);
        log.info("{} completed task {}", me, taskId);
    }
}
