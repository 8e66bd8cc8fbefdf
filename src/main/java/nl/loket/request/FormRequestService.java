package nl.loket.request;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import nl.loket.catalog.CatalogItem;
import nl.loket.catalog.CatalogService;
import nl.loket.forms.FieldError;
import nl.loket.forms.FormField;
import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.FormSubmissionValidator;
import nl.loket.forms.FormValidation;
import nl.loket.notification.NotificationService;
import nl.loket.security.CurrentUser;
import nl.loket.security.UserAccount;
import nl.loket.security.UserAccountService;
import nl.loket.workflow.DeployedForms;
import nl.loket.workflow.DeploymentObserver;
import nl.loket.workflow.ProcessModelException;
import nl.loket.workflow.ProcessVariables;
import nl.loket.workflow.StartableVersions;
import nl.loket.workflow.WorkflowService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.vaadin.flow.i18n.I18NProvider;

/**
 * Request types made of a BPMN model and a Camunda Form only, no Java: the start form comes from the deployment,
 * the submission is validated on the server against that form, and the request row and the process start in one
 * transaction. The same holds for such a type started from Camunda Tasklist or engine REST
 * ({@link #startedOutside}, called by {@code StartedOutsideLoketListener}).
 */
@Service
public class FormRequestService implements DeploymentObserver {

    private static final Logger log = LoggerFactory.getLogger(FormRequestService.class);

    /**
     * What the start page of a request type needs.
     *
     * @param context what the form may refer to, from the type's {@link StartFormContext} (options, conditions)
     */
    public record StartForm(CatalogItem item, FormSchema schema, Map<String, Object> context) {
    }

    private final CatalogService catalog;
    private final StartableVersions versions;
    private final DeployedForms forms;
    private final FormSchemaParser parser;
    private final FormSubmissionValidator validator;
    private final RequestService requests;
    private final UserAccountService users;
    private final WorkflowService workflow;
    private final CurrentUser currentUser;
    private final Map<String, StartFormContext> contexts;
    private final NotificationService notifications;
    private final I18NProvider texts;
    /** Parsed start forms by process definition id (empty: none Loket can render); forgotten at every deployment. */
    private final Map<String, Optional<FormSchema>> schemas = new ConcurrentHashMap<>();
    /** The request a submit on this thread is starting, so the start listener need not read it back. */
    private final ThreadLocal<Long> starting = new ThreadLocal<>();

    FormRequestService(CatalogService catalog, StartableVersions versions, DeployedForms forms, FormSchemaParser parser,
                       FormSubmissionValidator validator, RequestService requests, UserAccountService users,
                       WorkflowService workflow, CurrentUser currentUser, List<StartFormContext> contexts,
                       NotificationService notifications, I18NProvider texts) {
        this.notifications = notifications;
        this.texts = texts;
        this.catalog = catalog;
        this.versions = versions;
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
        return catalog.startable(processKey, locale).flatMap(startable -> schemaOf(startable.definitionId())
                .map(schema -> new StartForm(startable.item(), schema, contextOf(processKey, locale))));
    }

    /**
     * The start form with some fields already filled in, as a link from search or elsewhere asks
     * ({@code request/<key>?<field>=<value>}): only the form's own top-level fields, never the data Loket offers the
     * form; a value the field does not offer leaves it empty. It only fills the page in: the submission is checked
     * as always.
     */
    public Optional<StartForm> startForm(String processKey, Locale locale, Map<String, String> chosen) {
        return startForm(processKey, locale).map(start -> {
            Map<String, Object> context = new HashMap<>(start.context());
            start.schema().inputs().stream().map(FormField::key)
                    .filter(key -> chosen.containsKey(key) && !start.context().containsKey(key))
                    .forEach(key -> context.put(key, chosen.get(key)));
            return new StartForm(start.item(), start.schema(), java.util.Collections.unmodifiableMap(context));
        });
    }

    /**
     * Checks the submission against the start form of the version it starts, then creates the request and starts
     * that version. What does not change between deployments (the version, who may start it, the parsed form) is
     * kept in memory, and the form's options are checked for what was chosen only, so a submit costs the same
     * however large the catalogue is (docs/performance.md).
     */
    @Transactional
    public Request submit(String processKey, Map<String, Object> submitted, Locale locale) {
        catalog.checkMayStart(processKey);
        CatalogService.Startable startable = catalog.startable(processKey, locale)
                .orElseThrow(() -> new IllegalStateException("No start form for " + processKey));
        FormSchema schema = schemaOf(startable.definitionId())
                .orElseThrow(() -> new IllegalStateException("No start form for " + processKey));
        FormValidation validation = validator.validate(schema, submitted,
                submissionContextOf(processKey, submitted, locale));
        String requester = currentUser.username();
        if (!validation.isValid()) {
            log.warn("Refused {} request from {}: {}", processKey, requester, validation.errors().keySet());
            throw new InvalidFormSubmissionException(validation.errors());
        }
        Request request = requests.createForStart(processKey, requester, summaryOf(processKey, validation)
                .orElse(startable.item().name()));
        String instanceId;
        starting.set(request.id());
        try {
            instanceId = workflow.startVersion(startable.definitionId(), request.number(),
                    variablesOf(validation, request));
        } catch (ProcessModelException e) {
            versions.forget();
            // the transaction rolls back: no request row without its process
            log.error("Request type {} is broken: the request of {} could not be started: {}", processKey, requester,
                    e.getCause().getMessage());
            throw new RequestNotStartedException(processKey, e);
        } finally {
            starting.remove();
        }
        requests.attachProcess(request, instanceId);
        return submitted(request, "");
    }

    @Override
    public void deploymentsChanged() {
        schemas.clear();
    }

    private Optional<FormSchema> schemaOf(String definitionId) {
        Optional<FormSchema> schema = schemas.get(definitionId);
        if (schema == null) {
            // not computeIfAbsent: reading the form may make the engine redeploy, which clears this map
            schema = forms.startFormOfDefinition(definitionId).map(parser::parse);
            schemas.put(definitionId, schema);
        }
        return schema;
    }

    /**
     * A request type started outside Loket: from Camunda Tasklist or engine REST, without Loket's variables.
     *
     * @param definitionId      the version being started
     * @param processInstanceId the instance that is starting
     * @param user              the user the engine knows (engine-rest and Tasklist set it), or null
     * @param submitted         the instance's variables as plain values (lists and maps, not JSON)
     */
    public record OutsideStart(String processKey, String definitionId, String processInstanceId, String user,
                               Map<String, Object> submitted) {
    }

    /** The request made for an {@link OutsideStart}, and the variables its instance must have instead. */
    public record StartedOutside(Request request, Map<String, Object> variables) {
    }

    /**
     * What {@link #submit} does, for a start outside Loket, inside the engine's transaction: the user the engine
     * knows must be one of the version's candidate starters, the variables must pass the same validation against
     * that version's start form, and the request row is created and attached to the instance. A type with its own
     * start page in Loket ({@code loket:start-view}) or without a start form Loket can check is refused: Loket's
     * start page could not start it either.
     */
    @Transactional
    public StartedOutside startedOutside(OutsideStart start) {
        String processKey = start.processKey();
        String requester = start.user();
        if (requester == null) {
            log.warn("Refused a start of {} without a user", processKey);
            throw new StartNotAllowedException(processKey + " is a Loket request type: start it in Loket, or from"
                    + " Camunda Tasklist or engine REST as a signed-in user, so that Loket knows who requests it");
        }
        catalog.checkMayStartVersion(start.definitionId(), requester);
        Locale language = users.language(requester);
        CatalogItem item = catalog.version(start.definitionId(), language)
                .orElseThrow(() -> new StartNotAllowedException(processKey + " is not a request type"));
        if (item.startView() != null) {
            log.warn("Refused a start of {} by {} outside its own start page", processKey, requester);
            throw new StartNotAllowedException(processKey + " is requested on its own page in Loket ("
                    + item.startView() + "), not from Camunda Tasklist or engine REST");
        }
        FormSchema schema = forms.startFormOfDefinition(start.definitionId()).map(parser::parse)
                .orElseThrow(() -> new StartNotAllowedException(processKey + " has no start form that Loket can"
                        + " check (a Camunda Form): it cannot be requested from Camunda Tasklist or engine REST"));
        FormValidation validation = validator.validate(schema, start.submitted(), contextOf(processKey, language));
        if (!validation.isValid()) {
            log.warn("Refused {} request from {} outside Loket: {}", processKey, requester,
                    validation.errors().keySet());
            throw new InvalidFormSubmissionException(validation.errors(),
                    "Refused: the submission does not fit the start form of " + processKey + ": "
                            + describe(validation.errors()));
        }
        Request request = requests.create(processKey, requester, item.name());
        requests.attachProcess(request, start.processInstanceId());
        return new StartedOutside(submitted(request, " outside Loket"), variablesOf(validation, request));
    }

    /**
     * A start that brings its own {@code requestId}, as Loket's services do for the row they have just created.
     * Anyone else (a REST caller skipping the checks above) is refused unless it names a request of this type that
     * no process has yet and, when the engine knows the user, whose requester that user is.
     */
    @Transactional(readOnly = true)
    public void checkNamedRequest(String processKey, Object requestId, String user) {
        if (requestId instanceof Long id && id.equals(starting.get())) {
            return; // the submit on this thread created it a moment ago, after its own checks
        }
        boolean fits = (requestId instanceof Long || requestId instanceof Integer)
                && requests.find(((Number) requestId).longValue())
                .filter(request -> request.type().equals(processKey))
                .filter(request -> request.processInstanceId() == null)
                .filter(request -> user == null || request.requester().equals(user))
                .isPresent();
        if (!fits) {
            log.warn("Refused a start of {} by {} with requestId {}", processKey, user, requestId);
            throw new StartNotAllowedException("requestId " + requestId + " does not name a new " + processKey
                    + " request of " + user + ": start it without requestId, and Loket creates the request");
        }
    }

    /** The form's values, then Loket's own variables, so that a form field cannot pose as one of them. */
    private Map<String, Object> variablesOf(FormValidation validation, Request request) {
        String requester = request.requester();
        Map<String, Object> variables = new HashMap<>(validation.values());
        variables.putAll(ProcessVariables.create()
                .with(RequestVariables.REQUEST_ID, request.id())
                .with(RequestVariables.REQUESTER, requester)
                .with(RequestVariables.APPROVER, users.find(requester).map(UserAccount::managerUsername).orElse(null))
                .asMap());
        return variables;
    }

    private Request submitted(Request request, String how) {
        log.info("{} request {} submitted by {}{}", request.type(), request.number(), request.requester(), how);
        Request submittedRequest = requests.get(request.id());
        notifications.notify(request.requester(), request.number(), NotificationService.SUBMITTED, request.number(),
                submittedRequest.summary());
        return submittedRequest;
    }

    /** The field errors in English, for the engine's answer to a Tasklist or REST caller. */
    private String describe(Map<String, FieldError> errors) {
        return errors.entrySet().stream()
                .map(error -> (error.getKey().isEmpty() ? "(form)" : error.getKey()) + ": "
                        + texts.getTranslation(error.getValue().messageKey(), Locale.ENGLISH,
                        error.getValue().arguments().toArray()))
                .collect(Collectors.joining("; "));
    }

    private Optional<String> summaryOf(String processKey, FormValidation validation) {
        StartFormContext context = contexts.get(processKey);
        return context == null ? Optional.empty() : context.summaryOf(validation.values());
    }

    private Map<String, Object> submissionContextOf(String processKey, Map<String, Object> submitted, Locale locale) {
        StartFormContext context = contexts.get(processKey);
        return context == null ? Map.of() : context.submissionVariables(submitted == null ? Map.of() : submitted, locale);
    }

    private Map<String, Object> contextOf(String processKey, Locale locale) {
        StartFormContext context = contexts.get(processKey);
        return context == null ? Map.of() : context.variables(locale);
    }
}
