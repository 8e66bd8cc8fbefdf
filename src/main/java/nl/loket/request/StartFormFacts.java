package nl.loket.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import nl.loket.forms.FormDateTimes;
import nl.loket.forms.FormField;
import nl.loket.forms.FormFieldType;
import nl.loket.forms.FormSchema;
import nl.loket.forms.FormSchemaParser;
import nl.loket.forms.ValuePath;
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
        collect(form.components(), ValuePath.ROOT, variables, facts);
        return facts;
    }

    /** Each filled-in field at its path (groups' paths, dotted keys); a dynamic list as one fact, a row a line. */
    private static void collect(List<FormField> fields, ValuePath prefix, Map<String, Object> variables,
                                List<RequestFact> facts) {
        for (FormField field : fields) {
            if (FormFieldType.GROUP.equals(field.type())) {
                collect(field.children(), prefix.plus(field.path()), variables, facts);
            } else if (FormFieldType.DYNAMIC_LIST.equals(field.type())) {
                if (prefix.plus(field.path()).get(variables) instanceof Collection<?> rows && !rows.isEmpty()) {
                    String text = rows.stream().map(row -> rowText(field, row)).collect(Collectors.joining("\n"));
                    facts.add(RequestFact.withLabel(labelOf(field), RequestFact.Kind.LONG_TEXT, text));
                }
            } else if (field.isInput() && !FormFieldType.EXPRESSION.equals(field.type())) {
                // an expression field is a computed value for the model, not something the requester filled in
                Object value = prefix.plus(field.key()).get(variables);
                if (!isEmpty(value)) {
                    facts.add(fact(field, value));
                }
            }
        }
    }

    private static String rowText(FormField list, Object row) {
        List<String> parts = new ArrayList<>();
        for (FormField child : list.children()) {
            Object value = child.isInput() ? ValuePath.ROOT.plus(child.key()).get(row) : null;
            if (!isEmpty(value)) {
                parts.add(labelOf(child) + ": " + (isChoice(child) ? optionLabels(child, value) : value));
            }
        }
        return String.join(", ", parts);
    }

    private static RequestFact fact(FormField field, Object value) {
        String label = labelOf(field);
        return switch (field.type()) {
            case FormFieldType.CHECKBOX -> RequestFact.withLabel(label, RequestFact.Kind.YES_NO, value);
            case FormFieldType.TEXTAREA -> RequestFact.withLabel(label, RequestFact.Kind.LONG_TEXT, value);
            case FormFieldType.DATETIME -> date(field, value)
                    .map(date -> RequestFact.withLabel(label, RequestFact.Kind.DATE, date))
                    .orElseGet(() -> RequestFact.withLabel(label, RequestFact.Kind.TEXT, String.valueOf(value)));
            case FormFieldType.SELECT, FormFieldType.RADIO, FormFieldType.CHECKLIST, FormFieldType.TAGLIST ->
                    RequestFact.withLabel(label, RequestFact.Kind.TEXT, optionLabels(field, value));
            default -> RequestFact.withLabel(label, RequestFact.Kind.TEXT, String.valueOf(value));
        };
    }

    /** A date field's value as a date: form-js text ("2026-12-24"), or a Date of requests from before. */
    private static java.util.Optional<LocalDate> date(FormField field, Object value) {
        if (!"date".equals(FormDateTimes.subtype(field))) {
            return java.util.Optional.empty();
        }
        if (value instanceof Date date) {
            return java.util.Optional.of(date.toInstant().atZone(java.time.ZoneId.systemDefault()).toLocalDate());
        }
        return FormDateTimes.parse(field, String.valueOf(value)).map(FormDateTimes.Parsed::date);
    }

    private static boolean isChoice(FormField field) {
        return List.of(FormFieldType.SELECT, FormFieldType.RADIO, FormFieldType.CHECKLIST, FormFieldType.TAGLIST)
                .contains(field.type());
    }

    private static String labelOf(FormField field) {
        return field.label() == null ? Objects.requireNonNullElse(field.key(), field.type()) : field.label();
    }

    private static boolean isEmpty(Object value) {
        return value == null || value instanceof String text && text.isEmpty()
                || value instanceof Collection<?> list && list.isEmpty();
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
