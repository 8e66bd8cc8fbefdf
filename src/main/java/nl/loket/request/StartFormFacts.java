package nl.loket.request;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import nl.loket.forms.FormField;
import nl.loket.forms.FormFieldType;
import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.workflow.DeployedForms;
import nl.loket.workflow.ProcessHistoryService;
import org.springframework.stereotype.Component;

/**
 * The details of a request type without Java: what the requester filled in, labelled as in its start form (of the
 * version the request started on), read from the process's variables.
 */
@Component
class StartFormFacts {

    private final ProcessHistoryService history;
    private final DeployedForms forms;
    private final FormSchemaParser parser;

    StartFormFacts(ProcessHistoryService history, DeployedForms forms, FormSchemaParser parser) {
        this.history = history;
        this.forms = forms;
        this.parser = parser;
    }

    List<RequestFact> factsOf(Request request) {
        if (request.processInstanceId() == null) {
            return List.of();
        }
        return history.definitionId(request.processInstanceId())
                .flatMap(forms::startFormOfDefinition)
                .map(parser::parse)
                .map(form -> facts(form, history.variables(request.processInstanceId())))
                .orElse(List.of());
    }

    private static List<RequestFact> facts(FormSchema form, Map<String, Object> variables) {
        List<RequestFact> facts = new ArrayList<>();
        for (FormField field : form.inputs()) {
            Object value = variables.get(field.key());
            if (value == null) {
                continue;
            }
            String label = field.label() == null ? field.key() : field.label();
            facts.add(switch (field.type()) {
                case FormFieldType.CHECKBOX -> RequestFact.withLabel(label, RequestFact.Kind.YES_NO, value);
                case FormFieldType.TEXTAREA -> RequestFact.withLabel(label, RequestFact.Kind.LONG_TEXT, value);
                case FormFieldType.DATETIME -> value instanceof Date date && !"datetime".equals(field.subtype())
                        ? RequestFact.withLabel(label, RequestFact.Kind.DATE,
                                date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate())
                        : RequestFact.withLabel(label, RequestFact.Kind.TEXT, String.valueOf(value));
                case FormFieldType.SELECT, FormFieldType.RADIO, FormFieldType.CHECKLIST, FormFieldType.TAGLIST ->
                        RequestFact.withLabel(label, RequestFact.Kind.TEXT, optionLabels(field, value));
                default -> RequestFact.withLabel(label, RequestFact.Kind.TEXT, String.valueOf(value));
            });
        }
        return facts;
    }

    /** The options' labels as the form shows them, not their stored values. */
    private static String optionLabels(FormField field, Object value) {
        Collection<?> values = value instanceof Collection<?> many ? many : List.of(value);
        return values.stream().map(v -> field.options().stream()
                        .filter(option -> Objects.equals(String.valueOf(option.value()), String.valueOf(v)))
                        .map(FormField.Option::label).findFirst().orElse(String.valueOf(v)))
                .collect(Collectors.joining(", "));
    }
}
