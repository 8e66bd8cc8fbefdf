package nl.loket.request;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.loket.catalog.CatalogItem;
import nl.loket.catalog.CatalogService;
import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.FormSubmissionValidator;
import nl.loket.forms.FormValidation;
import nl.loket.notification.NotificationService;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.DeployedForms;
import nl.loket.workflow.ProcessStartException;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Request types made of a BPMN model and a Camunda Form only, no Java: the start form comes from the deployment,
 * the submission is validated on the server against that form, and the request row and the process start in one
 * transaction.
 */
@Service
public class FormRequestService {

    private static final Logger log = LoggerFactory.getLogger(FormRequestService.class);

    /**
     * What the start page of a request type needs.
     *
     * @param context what the form may refer to, from the type's {@link StartFormContext} (options, conditions)
     */
    public record StartForm(CatalogItem item, FormSchema schema, Map<String, Object> context) {
    }

    private final CatalogService catalog;
    private final DeployedForms forms;
    private final FormSchemaParser parser;
    private final FormSubmissionValidator validator;
    private final RequestService requests;
    private final UserAccountService users;
    private final WorkflowService workflow;
    private final CurrentUser currentUser;
    private final Map<String, StartFormContext> contexts;
    private final NotificationService notifications;

    FormRequestService(CatalogService catalog, DeployedForms forms, FormSchemaParser parser,
                       FormSubmissionValidator validator, RequestService requests, UserAccountService users,
                       WorkflowService workflow, CurrentUser currentUser, List<StartFormContext> contexts,
                       NotificationService notifications) {
        this.notifications = notifications;
        this.catalog = catalog;
        this.forms = forms;
        this.parser = parser;
        this.validator = validator;
        this.requests = requests;
        this.users = users;
        this.workflow = workflow;
        this.currentUser = currentUser;
        this.contexts = contexts.stream().collect(Collectors.toMap(StartFormContext::processKey, c -> c));
    }

    /** The catalogue item and its start form, if the user may start it and it has a form Loket can render. */
    public Optional<StartForm> startForm(String processKey, Locale locale) {
        return catalog.find(processKey, locale).flatMap(item -> forms.startForm(processKey)
                .map(json -> new StartForm(item, parser.parse(json), contextOf(processKey, locale))));
    }

    @Transactional
    public Request submit(String processKey, Map<String, Object> submitted, Locale locale) {
        catalog.checkMayStart(processKey);
        StartForm start = startForm(processKey, locale)
                .orElseThrow(() -> new IllegalStateException("No start form for " + processKey));
        FormValidation validation = validator.validate(start.schema(), submitted, start.context());
        String requester = currentUser.username();
        if (!validation.isValid()) {
            log.warn("Refused {} request from {}: {}", processKey, requester, validation.errors().keySet());
            throw new InvalidFormSubmissionException(validation.errors());
        }
        Request request = requests.create(processKey, requester, start.item().name());
        // Loket's own variables last, so that a form field cannot pose as one of them
        Map<String, Object> variables = new HashMap<>(validation.values());
        variables.putAll(ProcessVariables.create()
                .with(RequestVariables.REQUEST_ID, request.id())
                .with(RequestVariables.REQUESTER, requester)
                .with(RequestVariables.APPROVER, users.find(requester).map(UserAccount::managerUsername).orElse(null))
                .asMap());
        String instanceId;
        try {
            instanceId = workflow.start(processKey, request.number(), variables);
        } catch (ProcessStartException e) {
            // the transaction rolls back: no request row without its process
            log.error("Request type {} is broken: the request of {} could not be started: {}", processKey, requester,
                    e.getCause().getMessage());
            throw new RequestNotStartedException(processKey, e);
        }
        requests.attachProcess(request, instanceId);
        log.info("{} request {} submitted by {}", processKey, request.number(), requester);
        Request submittedRequest = requests.get(request.id());
        notifications.notify(requester, request.number(), NotificationService.SUBMITTED, request.number(),
                submittedRequest.summary());
        return submittedRequest;
    }

    private Map<String, Object> contextOf(String processKey, Locale locale) {
        StartFormContext context = contexts.get(processKey);
        return context == null ? Map.of() : context.variables(locale);
    }
}
