package nl.loket.catalog;

import static nl.loket.catalog.CatalogProperties.CATEGORY;
import static nl.loket.catalog.CatalogProperties.START_VIEW;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.loket.catalog.UploadRefusedException.Reason;
import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.InvalidFormException;
import nl.loket.workflow.DeployedForms;
import nl.loket.workflow.ModelDeployments.FormDeclaration;
import nl.loket.workflow.ModelDeployments.FormElement;
import nl.loket.workflow.ModelDeployments.ProcessSummary;
import org.springframework.stereotype.Component;

/**
 * Resolves every form link of an upload the way the engine and Loket will resolve it when an employee opens the
 * step, and names each one that would not open: the form is not there, Loket cannot render that kind of form,
 * or the form has components Loket cannot show. Publishing is where this is found, never an employee's screen.
 */
@Component
class FormLinkCheck {

    private static final String DEPLOYMENT_KEY = "camunda-forms:deployment:";
    private static final String APP_KEY = "camunda-forms:app:";
    private static final String BINDING_DEPLOYMENT = "deployment";
    private static final String BINDING_LATEST = "latest";
    private static final String BINDING_VERSION = "version";

    private final DeployedForms deployedForms;
    private final FormSchemaParser parser;

    FormLinkCheck(DeployedForms deployedForms, FormSchemaParser parser) {
        this.deployedForms = deployedForms;
        this.parser = parser;
    }

    /**
     * @param fileNames every file of the upload
     * @param forms     the upload's forms that parse, by file name
     */
    List<Reason> check(List<ProcessSummary> processes, Set<String> fileNames, Map<String, FormSchema> forms) {
        Upload upload = new Upload(fileNames, forms, new ArrayList<>(), new HashSet<>());
        upload.filesById().forEach((id, files) -> {
            if (files.size() > 1) {
                upload.refuse("publish.refused.duplicate-form-id", id, String.join(", ", files));
            }
        });
        forms.forEach((file, form) -> refuseUnsupported(upload, file, form));
        for (ProcessSummary process : processes) {
            boolean catalogue = process.properties().containsKey(CATEGORY);
            boolean startFormLinked = false;
            for (FormDeclaration form : process.forms()) {
                boolean mustRender = form.element() == FormElement.USER_TASK || catalogue;
                resolve(upload, form, mustRender);
                startFormLinked |= form.processStart() && (form.formRef() != null || form.formKey() != null
                        || form.generatedFields());
            }
            if (catalogue && !process.properties().containsKey(START_VIEW) && !startFormLinked) {
                upload.refuse("publish.refused.no-start-form", process.key());
            }
        }
        return upload.reasons();
    }

    private void resolve(Upload upload, FormDeclaration form, boolean mustRender) {
        if (form.formRef() != null) {
            resolveRef(upload, form);
        } else if (form.formKey() != null) {
            resolveKey(upload, form, mustRender);
        } else if (form.generatedFields() && mustRender) {
            upload.refuse("publish.refused.unrenderable-form", form.elementId(), "camunda:formField");
        }
    }

    /** {@code camunda:formRef}: a form id, resolved by its binding (Camunda 7 requires one). */
    private void resolveRef(Upload upload, FormDeclaration form) {
        String at = form.elementId();
        String id = form.formRef();
        if (isExpression(id)) {
            upload.refuse("publish.refused.form-link-expression", at, id);
            return;
        }
        String binding = form.formRefBinding();
        if (BINDING_DEPLOYMENT.equals(binding)) {
            if (!upload.hasFormId(id)) {
                upload.refuse("publish.refused.missing-form", at, id);
            }
        } else if (BINDING_LATEST.equals(binding)) {
            if (!upload.hasFormId(id)) {
                deployedForms.deployed(id, null).ifPresentOrElse(
                        deployed -> checkLinked(upload, subject(deployed), deployed.json()),
                        () -> upload.refuse("publish.refused.unknown-form", at, id));
            }
        } else if (BINDING_VERSION.equals(binding)) {
            resolveVersion(upload, at, id, form.formRefVersion());
        } else {
            upload.refuse("publish.refused.form-ref-binding", at, id);
        }
    }

    /**
     * Binding {@code version}: that version must be deployed when the step is reached. It is if it is deployed
     * already, or if the upload holds a form with this id and the upload makes exactly that version (deploying a
     * form id again makes the next version: 1 for a new id).
     */
    private void resolveVersion(Upload upload, String at, String id, String version) {
        if (version != null && isExpression(version)) {
            upload.refuse("publish.refused.form-link-expression", at, version);
            return;
        }
        Integer wanted = version == null ? null : wholeNumber(version.strip());
        if (wanted == null) {
            upload.refuse("publish.refused.form-ref-version", at, version == null ? "" : version);
            return;
        }
        Optional<DeployedForms.DeployedForm> deployed = deployedForms.deployed(id, wanted);
        if (deployed.isPresent()) {
            checkLinked(upload, subject(deployed.get()), deployed.get().json());
            return;
        }
        int latest = deployedForms.deployed(id, null).map(DeployedForms.DeployedForm::version).orElse(0);
        if (!(upload.hasFormId(id) && wanted == latest + 1)) {
            upload.refuse("publish.refused.unknown-form-version", at, id, String.valueOf(wanted),
                    String.valueOf(latest));
        }
    }

    /** {@code camunda:formKey}: a Camunda Form in the upload or packaged with Loket, or something Loket cannot render. */
    private void resolveKey(Upload upload, FormDeclaration form, boolean mustRender) {
        String at = form.elementId();
        String key = form.formKey();
        if (isExpression(key)) {
            upload.refuse("publish.refused.form-link-expression", at, key);
        } else if (key.startsWith(DEPLOYMENT_KEY)) {
            String resource = key.substring(DEPLOYMENT_KEY.length());
            // a .form that does not parse is refused as such already
            if (!(upload.fileNames().contains(resource) && resource.endsWith(".form"))) {
                upload.refuse("publish.refused.missing-form-resource", at, key);
            }
        } else if (key.startsWith(APP_KEY)) {
            deployedForms.appForm(key.substring(APP_KEY.length())).ifPresentOrElse(
                    json -> checkLinked(upload, key, json),
                    () -> upload.refuse("publish.refused.missing-app-form", at, key));
        } else if (mustRender) {
            upload.refuse("publish.refused.unrenderable-form", at, key);
        }
    }

    /** A linked form from outside the upload (deployed before, or packaged with Loket) must parse and be shown whole. */
    private void checkLinked(Upload upload, String subject, String json) {
        if (!upload.linkedChecked().add(subject)) {
            return;
        }
        try {
            refuseUnsupported(upload, subject, parser.parse(json));
        } catch (InvalidFormException e) {
            upload.refuse("publish.refused.not-a-form", subject);
        }
    }

    private static void refuseUnsupported(Upload upload, String subject, FormSchema form) {
        if (!form.unsupported().isEmpty()) {
            upload.refuse("publish.refused.unsupported-components", subject, String.join(", ", form.unsupported()));
        }
    }

    private static String subject(DeployedForms.DeployedForm form) {
        return form.id() + " (v" + form.version() + ")";
    }

    private static boolean isExpression(String value) {
        return value.contains("${") || value.contains("#{");
    }

    private static Integer wholeNumber(String text) {
        try {
            int number = Integer.parseInt(text);
            return number > 0 ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** One check's working state: the upload and the reasons found so far. */
    private record Upload(Set<String> fileNames, Map<String, FormSchema> forms, List<Reason> reasons,
                          Set<String> linkedChecked) {

        Map<String, List<String>> filesById() {
            Map<String, List<String>> byId = new LinkedHashMap<>();
            forms.forEach((file, form) -> {
                if (form.id() != null) {
                    byId.computeIfAbsent(form.id(), id -> new ArrayList<>()).add(file);
                }
            });
            return byId;
        }

        boolean hasFormId(String id) {
            return forms.values().stream().anyMatch(form -> id.equals(form.id()));
        }

        void refuse(String messageKey, String... arguments) {
            reasons.add(new Reason(messageKey, arguments));
        }
    }
}
