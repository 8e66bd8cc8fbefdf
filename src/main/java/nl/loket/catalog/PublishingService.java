package nl.loket.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.InvalidFormException;
import nl.loket.security.CurrentUser;
import nl.loket.security.Roles;
import nl.loket.workflow.CodeFinding;
import nl.loket.workflow.ModelCodeCheck;
import nl.loket.workflow.ModelDeployments;
import nl.loket.workflow.ModelDeployments.ProcessSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A process admin publishes request types: BPMN (with DMN and Camunda Forms) checked first, then deployed through
 * the engine as one deployment. Nothing is deployed if anything is wrong, and every form link is resolved before
 * (see {@link FormLinkCheck}), so that an employee never meets a step that cannot be opened. Running requests
 * keep their version. Models with code in them (scripts, Java classes, expressions past Loket's published beans) are
 * refused, unless an operator allows it ({@link ModelCodeCheck}; the engine refuses them too, whatever the door).
 */
@Service
public class PublishingService {

    public static final int MAX_FILES = 20;
    public static final int MAX_FILE_SIZE = 2 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(PublishingService.class);
    /** DTDs and entities have no place in BPMN, DMN or form files: refusing them shuts out XXE. */
    private static final Pattern DTD = Pattern.compile("<!(DOCTYPE|ENTITY)", Pattern.CASE_INSENSITIVE);

    private final ModelDeployments deployments;
    private final FormSchemaParser formParser;
    private final FormLinkCheck formLinks;
    private final CatalogService catalog;
    private final CurrentUser currentUser;
    private final ModelCodeCheck modelCode;

    PublishingService(ModelDeployments deployments, FormSchemaParser formParser, FormLinkCheck formLinks,
                      CatalogService catalog, CurrentUser currentUser, ModelCodeCheck modelCode) {
        this.deployments = deployments;
        this.formParser = formParser;
        this.formLinks = formLinks;
        this.catalog = catalog;
        this.currentUser = currentUser;
        this.modelCode = modelCode;
    }

    /** A process the engine deployed, and whether it is in the catalogue now (and if not, why). */
    public record PublishedProcess(String processKey, CatalogListing listing) {
    }

    /** What was published; no processes if every file was already published as it is. */
    public record Published(List<PublishedProcess> processes) {

        public List<String> processKeys() {
            return processes.stream().map(PublishedProcess::processKey).toList();
        }
    }

    /** Checks and deploys. */
    public Published publish(String name, Map<String, byte[]> files) {
        if (!currentUser.hasRole(Roles.PROCESS_ADMIN)) {
            throw new AccessDeniedException("Only process admins publish request types");
        }
        List<UploadRefusedException.Reason> reasons = new ArrayList<>();
        Map<String, FormSchema> forms = new LinkedHashMap<>();
        List<ProcessSummary> processes = new ArrayList<>();
        if (files.isEmpty() || files.size() > MAX_FILES) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.file-count", String.valueOf(MAX_FILES)));
        }
        for (var file : new LinkedHashMap<>(files).entrySet()) {
            check(file.getKey(), file.getValue(), reasons, forms, processes);
        }
        if (reasons.isEmpty() && processes.isEmpty()) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.no-executable-process"));
        }
        reasons.addAll(formLinks.check(processes, files.keySet(), forms));
        if (!reasons.isEmpty()) {
            log.warn("Refused upload '{}' by {}: {}", name, currentUser.username(), reasons);
            throw new UploadRefusedException(reasons);
        }
        List<String> keys = deploy(name, files);
        log.info("{} published {} as '{}'", currentUser.username(), keys, name);
        return new Published(keys.stream().map(key -> new PublishedProcess(key, catalog.listing(key))).toList());
    }

    private List<String> deploy(String name, Map<String, byte[]> files) {
        try {
            return deployments.deploy(name, files);
        } catch (RuntimeException e) {
            // the engine's own checks (parse errors, unknown delegate syntax...): the deployment is rolled back
            log.warn("The engine refused upload '{}': {}", name, e.getMessage());
            throw new UploadRefusedException(List.of(new UploadRefusedException.Reason("publish.refused.engine",
                    firstLine(e.getMessage()))));
        }
    }

    private void check(String fileName, byte[] content, List<UploadRefusedException.Reason> reasons,
                       Map<String, FormSchema> forms, List<ProcessSummary> processes) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (content.length > MAX_FILE_SIZE) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.too-large", fileName));
            return;
        }
        String text = new String(content, StandardCharsets.UTF_8);
        if (DTD.matcher(text).find()) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.dtd", fileName));
            return;
        }
        if (lower.endsWith(".bpmn") || lower.endsWith(".dmn")) {
            modelCode.refusals(fileName, content).forEach(finding -> reasons.add(codeReason(finding)));
        }
        if (lower.endsWith(".bpmn")) {
            try {
                processes.addAll(deployments.summarize(content).processes());
            } catch (RuntimeException e) {
                reasons.add(new UploadRefusedException.Reason("publish.refused.not-bpmn", fileName));
            }
        } else if (lower.endsWith(".form")) {
            // a form without an id is fine: camunda-forms:deployment:<file> links it by its file name
            try {
                forms.put(fileName, formParser.parse(text));
            } catch (InvalidFormException e) {
                reasons.add(new UploadRefusedException.Reason("publish.refused.not-a-form", fileName));
            }
        } else if (!lower.endsWith(".dmn")) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.file-type", fileName));
        }
    }

    /** {@code publish.refused.code.java-class} with the file, the element and what was found. */
    private static UploadRefusedException.Reason codeReason(CodeFinding finding) {
        String kind = finding.kind().name().toLowerCase(Locale.ROOT).replace('_', '-');
        return new UploadRefusedException.Reason("publish.refused.code." + kind, finding.resource(),
                finding.elementId(), finding.detail());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
