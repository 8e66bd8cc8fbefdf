package nl.loket.forms.ui;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.loket.forms.FieldError;
import nl.loket.forms.FormField;
import nl.loket.forms.FormFieldType;
import nl.loket.forms.FormSchema;
import nl.loket.workflow.FeelEvaluator;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A Camunda Form as Vaadin components. It only helps the user: the server validates the submission again against
 * the same form. Conditions ({@code conditional.hide}) are re-evaluated with FEEL on every change.
 */
public class FormRenderer extends Div {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FormRenderer.class);

    private final FeelEvaluator feel;
    private final Map<FormField, HasValue<?, ?>> inputs = new LinkedHashMap<>();
    private final Map<FormField, Component> hideable = new LinkedHashMap<>();
    private final Set<FormField> lockedNow = new java.util.HashSet<>();
    private final List<Runnable> submitListeners = new java.util.ArrayList<>();
    private final boolean ownSubmitButton;

    private final Map<String, Object> context;

    public FormRenderer(FormSchema schema, FeelEvaluator feel) {
        this(schema, feel, Map.of());
    }

    /** @param context variables the form may refer to: options named by {@code valuesKey}, conditions */
    public FormRenderer(FormSchema schema, FeelEvaluator feel, Map<String, Object> context) {
        this.feel = feel;
        this.context = Map.copyOf(context.entrySet().stream().filter(e -> e.getValue() != null)
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        this.ownSubmitButton = schema.hasSubmitButton();
        addClassName("loket-form");
        // texts in the user's language, then any FEEL text ("=...") evaluated against what the form may refer to
        add(layout(schema.localized(getLocale()).withTexts(text -> feel.text(text, this.context)).components()));
        updateConditions();
    }

    /** Whether the form has a submit button of its own; if not, the page around it supplies one. */
    public boolean hasOwnSubmitButton() {
        return ownSubmitButton;
    }

    /** Called when the form's own submit button is clicked. */
    public void addSubmitListener(Runnable listener) {
        submitListeners.add(listener);
    }

    /** What a reset button does: every field back to empty or its default. */
    public void reset() {
        inputs.forEach((field, input) -> {
            input.clear();
            applyDefault(field, input);
        });
        updateConditions();
    }

    /** The values as the user entered them, by key, ready for the server-side validator. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        inputs.forEach((field, component) -> {
            Object value = submittable(component.getValue());
            if (value != null && ((Component) component).isVisible() && !field.isLocked()
                    && !lockedNow.contains(field)) {
                values.put(field.key(), value);
            }
        });
        return values;
    }

    /** Shows the server's errors at their fields (message keys from the bundles). */
    public void showErrors(Map<String, FieldError> errors) {
        inputs.forEach((field, component) -> {
            if (component instanceof HasValidation validation) {
                FieldError error = errors.get(field.key());
                validation.setErrorMessage(error == null ? null
                        : getTranslation(error.messageKey(), error.arguments().toArray()));
                validation.setInvalid(error != null);
            }
        });
    }

    /** The component of a field, for tests and for focus. */
    public HasValue<?, ?> input(String key) {
        return inputs.entrySet().stream().filter(e -> e.getKey().key().equals(key)).map(Map.Entry::getValue)
                .findFirst().orElseThrow();
    }

    /**
     * Components in the rows the form designer made (form-js {@code layout.row}, 16 columns; a component without
     * a width shares what is left). On a narrow screen every component takes the full width (CSS).
     */
    private Div layout(List<FormField> fields) {
        Div container = new Div();
        List<Map.Entry<FormField, Component>> row = new java.util.ArrayList<>();
        String rowId = null;
        for (FormField field : fields) {
            Component component = component(field);
            if (component == null) {
                continue;
            }
            if (field.hideWhen() != null || field.lockedWhen() != null) {
                hideable.put(field, component);
            }
            if (!row.isEmpty() && (field.row() == null || !field.row().equals(rowId))) {
                container.add(row(row));
                row.clear();
            }
            row.add(Map.entry(field, component));
            rowId = field.row();
        }
        if (!row.isEmpty()) {
            container.add(row(row));
        }
        return container;
    }

    private static Div row(List<Map.Entry<FormField, Component>> cells) {
        Div row = new Div();
        row.addClassName("loket-form-row");
        int fixed = cells.stream().map(Map.Entry::getKey).filter(f -> f.columns() != null)
                .mapToInt(f -> Math.max(1, Math.min(FormField.GRID_COLUMNS, f.columns()))).sum();
        long free = cells.stream().filter(cell -> cell.getKey().columns() == null).count();
        int share = free == 0 ? 0 : (int) Math.max(1, (FormField.GRID_COLUMNS - fixed) / free);
        for (Map.Entry<FormField, Component> cell : cells) {
            Integer columns = cell.getKey().columns();
            int span = columns == null ? share : Math.max(1, Math.min(FormField.GRID_COLUMNS, columns));
            cell.getValue().getElement().getStyle().set("grid-column", "span " + span);
            row.add(cell.getValue());
        }
        return row;
    }

    private Component component(FormField field) {
        return switch (field.type()) {
            case FormFieldType.TEXT -> new Markdown(field.text() == null ? "" : field.text());
            case FormFieldType.GROUP -> {
                Div group = new Div();
                if (field.label() != null) {
                    group.add(new H4(field.label()));
                }
                group.add(layout(field.children()));
                yield group;
            }
            case FormFieldType.SEPARATOR -> new Hr();
            case FormFieldType.BUTTON -> button(field);
            case FormFieldType.SPACER -> null;
            default -> input(field);
        };
    }

    private Button button(FormField field) {
        boolean reset = "reset".equals(field.action());
        Button button = new Button(field.label() != null ? field.label()
                : getTranslation(reset ? "form.reset" : "form.submit"));
        button.setId(field.id() == null ? null : "button-" + field.id());
        if (reset) {
            button.addClickListener(e -> reset());
        } else {
            button.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            button.addClickListener(e -> submitListeners.forEach(Runnable::run));
        }
        if (field.disabled()) {
            button.setEnabled(false);
        }
        return button;
    }

    private Component input(FormField field) {
        HasValue<?, ?> input = switch (field.type()) {
            case FormFieldType.TEXTFIELD -> textField(field);
            case FormFieldType.TEXTAREA -> textArea(field);
            case FormFieldType.NUMBER -> new BigDecimalField(field.label());
            case FormFieldType.CHECKBOX -> new Checkbox(field.label());
            case FormFieldType.RADIO -> {
                RadioButtonGroup<FormField.Option> radio = new RadioButtonGroup<>(field.label());
                radio.setItems(options(field));
                radio.setItemLabelGenerator(FormField.Option::label);
                yield radio;
            }
            case FormFieldType.SELECT -> {
                if (field.searchable()) {
                    ComboBox<FormField.Option> combo = new ComboBox<>(field.label());
                    combo.setItems(options(field));
                    combo.setItemLabelGenerator(FormField.Option::label);
                    combo.setClearButtonVisible(true);
                    yield combo;
                }
                Select<FormField.Option> select = new Select<>();
                select.setLabel(field.label());
                select.setItems(options(field));
                select.setItemLabelGenerator(FormField.Option::label);
                yield select;
            }
            case FormFieldType.CHECKLIST -> {
                CheckboxGroup<FormField.Option> checklist = new CheckboxGroup<>(field.label());
                checklist.setItems(options(field));
                checklist.setItemLabelGenerator(FormField.Option::label);
                yield checklist;
            }
            case FormFieldType.TAGLIST -> {
                MultiSelectComboBox<FormField.Option> tags = new MultiSelectComboBox<>(field.label());
                tags.setItems(options(field));
                tags.setItemLabelGenerator(FormField.Option::label);
                yield tags;
            }
            case FormFieldType.DATETIME -> switch (field.subtype() == null ? "date" : field.subtype()) {
                case "time" -> new TimePicker(field.label());
                case "datetime" -> {
                    DateTimePicker picker = new DateTimePicker(field.label());
                    if (field.disallowPassedDates()) {
                        picker.setMin(LocalDate.now().atStartOfDay());
                    }
                    yield picker;
                }
                default -> {
                    DatePicker picker = new DatePicker(field.label());
                    if (field.disallowPassedDates()) {
                        picker.setMin(LocalDate.now());
                    }
                    yield picker;
                }
            };
            default -> throw new IllegalArgumentException("Not an input: " + field.type());
        };
        Component component = (Component) input;
        component.setId("field-" + field.key());
        input.setReadOnly(field.isLocked());
        input.setRequiredIndicatorVisible(field.required());
        if (component instanceof com.vaadin.flow.component.HasHelper helper && field.description() != null) {
            helper.setHelperText(field.description());
        }
        input.addValueChangeListener(e -> {
            if (input instanceof HasValidation validation) {
                validation.setInvalid(false);
            }
            updateConditions();
        });
        applyDefault(field, input);
        inputs.put(field, input);
        return component;
    }

    /** Static options, or those in the context variable named by {@code valuesKey} ({label, value} or plain). */
    private List<FormField.Option> options(FormField field) {
        if (field.optionsKey() == null) {
            return field.options();
        }
        if (!(context.get(field.optionsKey()) instanceof java.util.Collection<?> provided)) {
            return List.of();
        }
        return provided.stream().filter(java.util.Objects::nonNull).map(item -> item instanceof Map<?, ?> option
                        ? new FormField.Option(String.valueOf(option.get("label")), option.get("value"))
                        : new FormField.Option(String.valueOf(item), item))
                .toList();
    }

    /** The form's default value, in the component's own type; one that does not fit is left out. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void applyDefault(FormField field, HasValue input) {
        Object value = field.defaultValue();
        if (value == null) {
            return;
        }
        try {
            switch (field.type()) {
                case FormFieldType.TEXTFIELD, FormFieldType.TEXTAREA -> input.setValue(String.valueOf(value));
                case FormFieldType.NUMBER -> input.setValue(new java.math.BigDecimal(String.valueOf(value)));
                case FormFieldType.CHECKBOX -> input.setValue(Boolean.valueOf(String.valueOf(value)));
                case FormFieldType.RADIO, FormFieldType.SELECT -> field.options().stream()
                        .filter(option -> String.valueOf(option.value()).equals(String.valueOf(value)))
                        .findFirst().ifPresent(input::setValue);
                case FormFieldType.DATETIME -> {
                    if (input instanceof DatePicker) {
                        input.setValue(LocalDate.parse(String.valueOf(value)));
                    }
                }
                default -> { }
            }
        } catch (RuntimeException e) {
            // a default the form designer got wrong must not break the form; the field just starts empty
            LOG.warn("Default value '{}' of field '{}' does not fit a {}", value, field.key(), field.type());
        }
    }

    private static TextField textField(FormField field) {
        TextField text = new TextField(field.label());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        if (field.maxLength() != null) {
            text.setMaxLength(field.maxLength());
        }
        return text;
    }

    private static TextArea textArea(FormField field) {
        TextArea text = new TextArea(field.label());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        if (field.maxLength() != null) {
            text.setMaxLength(field.maxLength());
        }
        text.setMinHeight("6em");
        return text;
    }

    /** Re-evaluates the FEEL conditions: hidden ({@code conditional.hide}) and locked (readonly/disabled). */
    private void updateConditions() {
        if (hideable.isEmpty()) {
            return;
        }
        Map<String, Object> context = new java.util.HashMap<>(this.context);
        inputs.forEach((field, input) -> {
            Object value = submittable(input.getValue());
            if (value != null) {
                context.put(field.key(), value);
            }
        });
        hideable.forEach((field, component) -> {
            if (field.hideWhen() != null) {
                component.setVisible(!feel.isTrue(field.hideWhen(), context));
            }
            HasValue<?, ?> input = inputs.get(field);
            if (field.lockedWhen() != null && input != null) {
                boolean locked = feel.isTrue(field.lockedWhen(), context);
                input.setReadOnly(locked || field.isLocked());
                if (locked) {
                    lockedNow.add(field);
                } else {
                    lockedNow.remove(field);
                }
            }
        });
    }

    /** What the server expects: option values instead of options, ISO text for times. */
    private static Object submittable(Object value) {
        if (value instanceof FormField.Option option) {
            return option.value();
        }
        if (value instanceof Set<?> set) {
            return set.isEmpty() ? null : set.stream().map(FormRenderer::submittable).toList();
        }
        if (value instanceof String text) {
            return text.isEmpty() ? null : text;
        }
        if (value instanceof LocalDateTime dateTime) {
            return dateTime.toString();
        }
        if (value instanceof LocalTime time) {
            return time.toString();
        }
        return value instanceof LocalDate || value != null ? value : null;
    }
}
