package nl.loket.catalog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
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
import nl.loket.workflow.ModelDeployments;
import nl.loket.workflow.ModelDeployments.ModelSummary;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * A process admin publishes request types: BPMN (with DMN and Camunda Forms) checked first, then deployed through
 * the engine as one deployment. Nothing is deployed if anything is wrong. Running requests keep their version.
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
    private final CurrentUser currentUser;

    PublishingService(ModelDeployments deployments, FormSchemaParser formParser, CurrentUser currentUser) {
        this.deployments = deployments;
        this.formParser = formParser;
        this.currentUser = currentUser;
    }

    /** What was published, and form components Loket cannot show (they are named, never silently dropped). */
    public record Published(List<String> processKeys, List<String> unsupportedComponents) {
    }

    /** Checks and deploys. */
    public Published publish(String name, Map<String, byte[]> files) {
        if (!currentUser.hasRole(Roles.PROCESS_ADMIN)) {
            throw new AccessDeniedException("Only process admins publish request types");
        }
        List<UploadRefusedException.Reason> reasons = new ArrayList<>();
        Map<String, FormSchema> formsById = new HashMap<>();
        List<String> executable = new ArrayList<>();
        List<ModelDeployments.FormLink> links = new ArrayList<>();
        if (files.isEmpty() || files.size() > MAX_FILES) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.file-count", String.valueOf(MAX_FILES)));
        }
        for (var file : new LinkedHashMap<>(files).entrySet()) {
            check(file.getKey(), file.getValue(), reasons, formsById, executable, links);
        }
        if (reasons.isEmpty() && executable.isEmpty()) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.no-executable-process", ""));
        }
        for (var link : links) {
            boolean present = link.formId() != null ? formsById.containsKey(link.formId())
                    : files.containsKey(link.resourceName());
            if (link.sameDeployment() && !present) {
                reasons.add(new UploadRefusedException.Reason("publish.refused.missing-form",
                        link.elementId() + " → " + (link.formId() != null ? link.formId() : link.resourceName())));
            }
        }
        if (!reasons.isEmpty()) {
            log.warn("Refused upload '{}' by {}: {}", name, currentUser.username(), reasons);
            throw new UploadRefusedException(reasons);
        }
        try {
            List<String> keys = deployments.deploy(name, files);
            List<String> unsupported = formsById.values().stream()
                    .flatMap(form -> form.unsupported().stream().map(component -> form.id() + ": " + component))
                    .toList();
            log.info("{} published {} as '{}'", currentUser.username(), keys, name);
            if (!unsupported.isEmpty()) {
                log.warn("Published forms have components Loket does not support: {}", unsupported);
            }
            return new Published(keys, unsupported);
        } catch (RuntimeException e) {
            // the engine's own checks (parse errors, unknown delegate syntax...): the deployment is rolled back
            log.warn("The engine refused upload '{}': {}", name, e.getMessage());
            throw new UploadRefusedException(List.of(new UploadRefusedException.Reason("publish.refused.engine",
                    firstLine(e.getMessage()))));
        }
    }

    private void check(String fileName, byte[] content, List<UploadRefusedException.Reason> reasons,
                       Map<String, FormSchema> formsById, List<String> executable,
                       List<ModelDeployments.FormLink> links) {
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
        if (lower.endsWith(".bpmn")) {
            try {
                ModelSummary summary = deployments.summarize(content);
                executable.addAll(summary.executableProcessKeys());
                links.addAll(summary.formLinks());
            } catch (RuntimeException e) {
                reasons.add(new UploadRefusedException.Reason("publish.refused.not-bpmn", fileName));
            }
        } else if (lower.endsWith(".form")) {
            try {
                FormSchema form = formParser.parse(text);
                if (form.id() == null) {
                    reasons.add(new UploadRefusedException.Reason("publish.refused.form-without-id", fileName));
                } else {
                    formsById.put(form.id(), form);
                }
            } catch (InvalidFormException e) {
                reasons.add(new UploadRefusedException.Reason("publish.refused.not-a-form", fileName));
            }
        } else if (!lower.endsWith(".dmn")) {
            reasons.add(new UploadRefusedException.Reason("publish.refused.file-type", fileName));
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().findFirst().orElse("");
        return line.length() > 300 ? line.substring(0, 300) : line;
    }
}
