package nl.loket.forms.ui;

import nl.loket.ui.LocalizedFields;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import nl.loket.forms.FieldError;
import nl.loket.forms.FormDateTimes;
import nl.loket.forms.FormField;
import nl.loket.forms.FormSubmissionValidator;
import nl.loket.forms.FormFieldType;
import nl.loket.forms.FormSchema;
import nl.loket.forms.ValuePath;
import nl.loket.workflow.FeelEvaluator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

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
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Hr;
import com.vaadin.flow.component.html.IFrame;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.markdown.Markdown;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.shared.HasPrefix;
import com.vaadin.flow.component.shared.HasSuffix;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import com.vaadin.flow.data.value.ValueChangeMode;

/**
 * A Camunda Form as Vaadin components, the way form-js 1.8.7 (Camunda 7.24 Tasklist) shows it: fields bound to their
 * path (groups' {@code path}, dotted keys, dynamic-list rows), filled from the data the form is given (a task's
 * variables, as Tasklist fills them) or their defaults, conditions and read-only/disabled re-evaluated with FEEL on
 * every change. It only helps the user: the server validates the submission again against the same form.
 */
public class FormRenderer extends Div {

    private static final Logger LOG = LoggerFactory.getLogger(FormRenderer.class);
    /** The organisation's zone when none is given (configured as {@code loket.time-zone}). */
    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Europe/Amsterdam");

    private final FeelEvaluator feel;
    private final Map<String, Object> context;
    private final ZoneId zone;
    private final List<Binding> bindings = new ArrayList<>();
    private final List<Conditional> conditionals = new ArrayList<>();
    private final List<RowList> lists = new ArrayList<>();
    private final List<Runnable> submitListeners = new ArrayList<>();
    private final boolean ownSubmitButton;

    /** An input on screen: its field, where its value goes (rows may move), and its component. */
    private record Binding(FormField field, Supplier<ValuePath> path, HasValue<?, ?> input, Row row) {
        Component component() {
            return (Component) input;
        }
    }

    /** A component with a FEEL condition: hidden, read-only or disabled while it holds. */
    private record Conditional(FormField field, Component component, Binding binding, Row row) {
    }

    /** One row of a dynamic list: its position is looked up each time, so removing a row renumbers the rest. */
    private final class Row {
        private final RowList list;
        private final Div view = new Div();

        Row(RowList list) {
            this.list = list;
        }

        ValuePath path() {
            return list.path.get().plusRow(list.rows.indexOf(this));
        }
    }

    /** A dynamic list ({@code dynamiclist}): its rows, each with the list's children, under the list's path. */
    private final class RowList {
        private final FormField field;
        private final Supplier<ValuePath> path;
        private final Row parentRow;
        private final List<Row> rows = new ArrayList<>();
        private final Div view = new Div();
        private final Div rowsView = new Div();

        RowList(FormField field, Supplier<ValuePath> path, Row parentRow) {
            this.field = field;
            this.path = path;
            this.parentRow = parentRow;
        }
    }

    public FormRenderer(FormSchema schema, FeelEvaluator feel) {
        this(schema, feel, Map.of());
    }

    /**
     * @param context the data the form is filled from and may refer to: a task's variables (fields show their
     *                values, as in Tasklist), options named by {@code valuesKey}, conditions
     */
    public FormRenderer(FormSchema schema, FeelEvaluator feel, Map<String, Object> context) {
        this(schema, feel, context, DEFAULT_ZONE);
    }

    public FormRenderer(FormSchema schema, FeelEvaluator feel, Map<String, Object> context, ZoneId zone) {
        this.feel = feel;
        this.zone = zone;
        Map<String, Object> known = new HashMap<>();
        context.forEach((key, value) -> {
            if (value != null) {
                known.put(key, value);
            }
        });
        this.context = known;
        this.ownSubmitButton = schema.hasSubmitButton();
        addClassName("loket-form");
        // texts in the user's language, then any FEEL text ("=...") evaluated against what the form may refer to
        add(layout(schema.localized(getLocale()).withTexts(text -> feel.text(text, this.context)).components(),
                () -> ValuePath.ROOT, null));
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

    /** What a reset button does: every field back to its default (or empty), every list back to its first rows. */
    public void reset() {
        for (RowList list : new ArrayList<>(lists)) {
            if (list.parentRow == null) {
                while (!list.rows.isEmpty()) {
                    removeRow(list, list.rows.get(list.rows.size() - 1));
                }
                for (int i = 0; i < list.field.defaultRepetitions(); i++) {
                    addRow(list);
                }
            }
        }
        bindings.forEach(binding -> {
            binding.input().clear();
            applyValue(binding, binding.field().defaultValue());
        });
        updateConditions();
    }

    /**
     * The values as the user entered them, nested as form-js nests them (by path, dynamic lists as rows), empty
     * ones included ({@code null}, {@code ""}, {@code false}, {@code []}: a cleared default stays cleared), ready for
     * the server-side validator. Hidden, read-only and disabled fields are left out: the server decides what they
     * hold.
     */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (RowList list : lists) {
            if (shown(list.view)) {
                for (Row row : list.rows) {
                    row.path().set(values, new LinkedHashMap<String, Object>());
                }
                if (list.rows.isEmpty()) {
                    list.path.get().set(values, new ArrayList<>());
                }
            }
        }
        for (Binding binding : bindings) {
            if (shown(binding.component()) && !binding.input().isReadOnly()) {
                binding.path().get().set(values, submittable(binding.field(), binding.input().getValue()));
            }
        }
        return values;
    }

    /** Shows the server's errors at their fields (message keys from the bundles), by path: {@code items[0].name}. */
    public void showErrors(Map<String, FieldError> errors) {
        for (Binding binding : bindings) {
            if (binding.input() instanceof HasValidation validation) {
                FieldError error = errors.get(binding.path().get().toString());
                validation.setErrorMessage(error == null ? null
                        : getTranslation(error.messageKey(), error.arguments().toArray()));
                validation.setInvalid(error != null);
            }
        }
    }

    /** The component of a field by its path ({@code name}, {@code address.city}, {@code items[1].name}). */
    public HasValue<?, ?> input(String path) {
        return bindings.stream().filter(b -> b.path().get().toString().equals(path)).map(Binding::input)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("No field at " + path));
    }

    /** The rows of the dynamic list at this path, for tests: add and remove as the user would. */
    public int rowCount(String path) {
        return list(path).rows.size();
    }

    public void addRow(String path) {
        addRow(list(path));
        updateConditions();
    }

    public void removeRow(String path, int row) {
        RowList list = list(path);
        removeRow(list, list.rows.get(row));
        updateConditions();
    }

    private RowList list(String path) {
        return lists.stream().filter(l -> l.path.get().toString().equals(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No dynamic list at " + path));
    }

    /**
     * Components in the rows the form designer made (form-js {@code layout.row}, 16 columns; a component without
     * a width shares what is left). On a narrow screen every component takes the full width (CSS).
     */
    private Div layout(List<FormField> fields, Supplier<ValuePath> prefix, Row row) {
        Div container = new Div();
        List<Map.Entry<FormField, Component>> cells = new ArrayList<>();
        String rowId = null;
        for (FormField field : fields) {
            Component component = component(field, prefix, row);
            if (component == null) {
                continue;
            }
            if (!cells.isEmpty() && (field.row() == null || !field.row().equals(rowId))) {
                container.add(row(cells));
                cells.clear();
            }
            cells.add(Map.entry(field, component));
            rowId = field.row();
        }
        if (!cells.isEmpty()) {
            container.add(row(cells));
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

    private Component component(FormField field, Supplier<ValuePath> prefix, Row row) {
        Component component = switch (field.type()) {
            case FormFieldType.TEXT -> new Markdown(field.text() == null ? "" : field.text());
            // form-js sanitises the HTML it shows; Vaadin's Markdown does the same for HTML inside Markdown
            case FormFieldType.HTML -> new Markdown(Objects.requireNonNullElse(
                    feel.text(field.attribute("content"), context), ""));
            case FormFieldType.GROUP -> group(field, path(prefix, field.path()), row);
            case FormFieldType.DYNAMIC_LIST -> dynamicList(field, path(prefix, field.path()), row);
            case FormFieldType.SEPARATOR -> new Hr();
            case FormFieldType.SPACER -> spacer(field);
            case FormFieldType.BUTTON -> button(field);
            case FormFieldType.IMAGE -> image(field);
            case FormFieldType.IFRAME -> iframe(field);
            case FormFieldType.TABLE -> table(field, row);
            case FormFieldType.EXPRESSION -> null;
            default -> field.isInput() ? input(field, path(prefix, field.key()), row) : null;
        };
        if (component != null && !field.isInput() && (field.hideWhen() != null)) {
            conditionals.add(new Conditional(field, component, null, row));
        }
        return component;
    }

    private static Supplier<ValuePath> path(Supplier<ValuePath> prefix, String dotted) {
        return () -> prefix.get().plus(dotted);
    }

    private Div group(FormField field, Supplier<ValuePath> path, Row row) {
        Div group = new Div();
        group.addClassName("loket-form-group");
        if (field.source().path("showOutline").asBoolean(false)) {
            group.addClassName("loket-form-outline");
        }
        if (field.label() != null) {
            group.add(new H4(field.label()));
        }
        group.add(layout(field.children(), path, row));
        return group;
    }

    private Div dynamicList(FormField field, Supplier<ValuePath> path, Row parentRow) {
        RowList list = new RowList(field, path, parentRow);
        lists.add(list);
        list.view.addClassName("loket-form-list");
        if (field.source().path("showOutline").asBoolean(false)) {
            list.view.addClassName("loket-form-outline");
        }
        if (field.label() != null) {
            list.view.add(new H4(field.label()));
        }
        list.view.add(list.rowsView);
        Object data = path.get().get(context);
        int rows = data instanceof Collection<?> existing ? Math.min(existing.size(), 100) : field.defaultRepetitions();
        for (int i = 0; i < rows; i++) {
            addRow(list);
        }
        if (field.allowAddRemove()) {
            Button add = new Button(getTranslation("form.list.add"), VaadinIcon.PLUS.create(), e -> {
                addRow(list);
                updateConditions();
            });
            add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add.addClassName("loket-form-list-add");
            list.view.add(add);
        }
        return list.view;
    }

    private void addRow(RowList list) {
        Row row = new Row(list);
        list.rows.add(row);
        row.view.addClassName("loket-form-list-row");
        row.view.add(layout(list.field.children(), row::path, row));
        if (list.field.allowAddRemove()) {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                removeRow(list, row);
                updateConditions();
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("form.list.remove"));
            remove.setTooltipText(getTranslation("form.list.remove"));
            row.view.add(remove);
        }
        list.rowsView.add(row.view);
    }

    private void removeRow(RowList list, Row row) {
        bindings.removeIf(binding -> within(binding.row(), row));
        conditionals.removeIf(conditional -> within(conditional.row(), row));
        lists.removeIf(nested -> nested != list && within(nested.parentRow, row));
        list.rows.remove(row);
        list.rowsView.remove(row.view);
    }

    /** Whether a component of this row (or of a row nested in it) belongs to the given row. */
    private static boolean within(Row candidate, Row row) {
        for (Row current = candidate; current != null; current = current.list.parentRow) {
            if (current == row) {
                return true;
            }
        }
        return false;
    }

    private static Div spacer(FormField field) {
        Div spacer = new Div();
        String height = field.attribute("height");
        spacer.setHeight((height == null || !height.matches("\\d{1,4}") ? "60" : height) + "px");
        return spacer;
    }

    /** An image from an https (or data:image) address; anything else is not shown. */
    private Component image(FormField field) {
        String source = feel.text(field.attribute("source"), context);
        String alt = Objects.requireNonNullElse(feel.text(field.attribute("alt"), context), "");
        if (source == null || !(source.startsWith("https://") || source.startsWith("data:image/"))) {
            return new Span(alt);
        }
        Image image = new Image(source, alt);
        image.setMaxWidth("100%");
        return image;
    }

    /** An iframe: https only, sandboxed as the form's {@code security} settings allow (form-js does the same). */
    private static Component iframe(FormField field) {
        String url = field.attribute("url");
        Div frame = new Div();
        if (field.label() != null) {
            frame.add(new H4(field.label()));
        }
        if (url == null || !url.startsWith("https://")) {
            return frame;
        }
        IFrame iframe = new IFrame(url);
        iframe.setWidth("100%");
        String height = field.attribute("height");
        iframe.setHeight((height == null || !height.matches("\\d{1,4}") ? "300" : height) + "px");
        List<IFrame.SandboxType> sandbox = new ArrayList<>();
        var security = field.source().path("security");
        if (security.path("allowScripts").asBoolean(false)) {
            sandbox.add(IFrame.SandboxType.ALLOW_SCRIPTS);
        }
        if (security.path("allowSameOrigin").asBoolean(false)) {
            sandbox.add(IFrame.SandboxType.ALLOW_SAME_ORIGIN);
        }
        if (security.path("allowForms").asBoolean(false)) {
            sandbox.add(IFrame.SandboxType.ALLOW_FORMS);
        }
        iframe.setSandbox(sandbox.isEmpty() ? new IFrame.SandboxType[] {IFrame.SandboxType.RESTRICT_ALL}
                : sandbox.toArray(IFrame.SandboxType[]::new));
        iframe.getElement().setAttribute("title", Objects.requireNonNullElse(field.label(), url));
        frame.add(iframe);
        return frame;
    }

    /** A table: columns as the form lists them, rows from its {@code dataSource} (FEEL or a variable name). */
    private Component table(FormField field, Row row) {
        Grid<Map<?, ?>> grid = new Grid<>();
        for (Map.Entry<String, String> column : tableColumns(field).entrySet()) {
            grid.addColumn(item -> Objects.toString(item.get(column.getKey()), ""))
                    .setHeader(column.getValue()).setAutoWidth(true);
        }
        String dataSource = field.attribute("dataSource");
        Object data = dataSource == null ? null : dataSource.strip().startsWith("=")
                ? feel.value(dataSource, context) : context.get(dataSource);
        List<Map<?, ?>> items = new ArrayList<>();
        if (data instanceof Collection<?> rows) {
            rows.stream().filter(Map.class::isInstance).map(r -> (Map<?, ?>) r).limit(1000).forEach(items::add);
        }
        grid.setItems(items);
        grid.setAllRowsVisible(true);
        Div table = new Div();
        table.addClassName("loket-form-group");
        if (field.label() != null) {
            table.add(new H4(field.label()));
        }
        table.add(grid);
        return table;
    }

    /** A table's columns, key to header: as listed ({@code columns}) or computed ({@code columnsExpression}). */
    private Map<String, String> tableColumns(FormField field) {
        Map<String, String> columns = new LinkedHashMap<>();
        String expression = field.attribute("columnsExpression");
        if (expression != null && feel.value(expression, context) instanceof Collection<?> computed) {
            computed.stream().filter(Map.class::isInstance).map(c -> (Map<?, ?>) c).filter(c -> c.get("key") != null)
                    .forEach(c -> columns.put(String.valueOf(c.get("key")),
                            String.valueOf(Objects.requireNonNullElse(c.get("label"), c.get("key")))));
            return columns;
        }
        for (var column : field.source().path("columns")) {
            String key = column.path("key").asText("");
            columns.put(key, column.path("label").asText(key));
        }
        return columns;
    }

    private Button button(FormField field) {
        boolean reset = "reset".equals(field.action());
        Button button = new Button(field.label() != null ? field.label()
                : getTranslation(reset ? "form.reset" : "form.submit"));
        if (field.id() != null) {
            // Modeler 4.x forms (and many hand-written ones) have no component ids: a button still works without
            button.setId("button-" + field.id());
        }
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

    private Component input(FormField field, Supplier<ValuePath> path, Row row) {
        HasValue<?, ?> input = switch (field.type()) {
            case FormFieldType.TEXTFIELD -> textField(field);
            case FormFieldType.TEXTAREA -> textArea(field);
            case FormFieldType.NUMBER -> numberField(field);
            case FormFieldType.CHECKBOX -> new Checkbox(field.label());
            case FormFieldType.RADIO -> {
                RadioButtonGroup<FormField.Option> radio = new RadioButtonGroup<>(field.label());
                radio.setItems(options(field, row));
                radio.setItemLabelGenerator(FormRenderer::label);
                yield radio;
            }
            case FormFieldType.SELECT -> {
                if (field.searchable()) {
                    ComboBox<FormField.Option> combo = new ComboBox<>(field.label());
                    combo.setItems(options(field, row));
                    combo.setItemLabelGenerator(FormRenderer::label);
                    combo.setClearButtonVisible(true);
                    yield combo;
                }
                Select<FormField.Option> select = new Select<>();
                select.setLabel(field.label());
                select.setItems(options(field, row));
                select.setItemLabelGenerator(FormRenderer::label);
                select.setEmptySelectionAllowed(!field.required());
                yield select;
            }
            case FormFieldType.CHECKLIST -> {
                CheckboxGroup<FormField.Option> checklist = new CheckboxGroup<>(field.label());
                checklist.setItems(options(field, row));
                checklist.setItemLabelGenerator(FormRenderer::label);
                yield checklist;
            }
            case FormFieldType.TAGLIST -> {
                MultiSelectComboBox<FormField.Option> tags = new MultiSelectComboBox<>(field.label());
                tags.setItems(options(field, row));
                tags.setItemLabelGenerator(FormRenderer::label);
                yield tags;
            }
            case FormFieldType.DATETIME -> (HasValue<?, ?>) dateTime(field);
            default -> throw new IllegalArgumentException("Not an input: " + field.type());
        };
        Component component = (Component) input;
        Binding binding = new Binding(field, path, input, row);
        if (row == null && field.key() != null) {
            // ids stay unique: rows of a dynamic list are found by their path instead
            component.setId("field-" + field.key().replace('.', '-'));
        }
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
        Object initial = path.get().isPresentIn(context) ? path.get().get(context) : null;
        applyValue(binding, initial != null ? initial : field.defaultValue());
        bindings.add(binding);
        if (field.hideWhen() != null || field.readonlyWhen() != null || field.disabledWhen() != null) {
            conditionals.add(new Conditional(field, component, binding, row));
        }
        return component;
    }

    private Component dateTime(FormField field) {
        return switch (FormDateTimes.subtype(field)) {
            case "time" -> {
                TimePicker picker = LocalizedFields.timePicker(field.label());
                picker.setStep(Duration.ofMinutes(field.timeInterval()));
                yield picker;
            }
            case "datetime" -> {
                DateTimePicker picker = LocalizedFields.dateTimePicker(field.label());
                picker.setStep(Duration.ofMinutes(field.timeInterval()));
                if (field.disallowPassedDates()) {
                    picker.setMin(LocalDate.now(zone).atStartOfDay());
                }
                yield picker;
            }
            default -> {
                DatePicker picker = LocalizedFields.datePicker(field.label());
                if (field.disallowPassedDates()) {
                    picker.setMin(LocalDate.now(zone));
                }
                yield picker;
            }
        };
    }

    /** Static options, those in the variable named by {@code valuesKey}, or those a FEEL valuesExpression gives. */
    private List<FormField.Option> options(FormField field, Row row) {
        if (field.optionsKey() == null && field.optionsExpression() == null) {
            return field.options();
        }
        Object provided = field.optionsExpression() != null ? feel.value(field.optionsExpression(), context)
                : context.get(field.optionsKey());
        if (!(provided instanceof Collection<?> list)) {
            return List.of();
        }
        return list.stream().filter(Objects::nonNull).map(item -> item instanceof Map<?, ?> option
                        ? new FormField.Option(String.valueOf(option.get("label")), option.get("value"))
                        : new FormField.Option(String.valueOf(item), item))
                .toList();
    }

    /**
     * A value from the data (or the form's default) in the component's own type, as form-js sanitises it on import:
     * one that does not fit (an option no longer offered, text in a number field) leaves the field empty.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void applyValue(Binding binding, Object value) {
        if (value == null) {
            return;
        }
        FormField field = binding.field();
        HasValue input = binding.input();
        try {
            switch (field.type()) {
                case FormFieldType.TEXTFIELD, FormFieldType.TEXTAREA -> {
                    if (!(value instanceof Map<?, ?> || value instanceof Collection<?>)) {
                        input.setValue(String.valueOf(value));
                    }
                }
                case FormFieldType.NUMBER -> input.setValue(new BigDecimal(String.valueOf(value)));
                case FormFieldType.CHECKBOX -> input.setValue(Boolean.TRUE.equals(value) || "true".equals(value));
                case FormFieldType.RADIO, FormFieldType.SELECT -> option(input, value).ifPresent(input::setValue);
                case FormFieldType.CHECKLIST, FormFieldType.TAGLIST -> {
                    if (value instanceof Collection<?> chosen) {
                        Set<Object> options = new LinkedHashSet<>();
                        chosen.forEach(item -> option(input, item).ifPresent(options::add));
                        input.setValue(options);
                    }
                }
                case FormFieldType.DATETIME -> input.setValue(pickerValue(field, value));
                default -> { }
            }
        } catch (RuntimeException e) {
            // a value the form designer (or an older version of the process) got wrong must not break the form
            LOG.warn("Value '{}' of field '{}' does not fit a {}", value, field.key(), field.type());
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<FormField.Option> option(HasValue<?, ?> input, Object value) {
        Collection<FormField.Option> items = input instanceof Select<?> select
                ? ((Select<FormField.Option>) select).getListDataView().getItems().toList()
                : input instanceof RadioButtonGroup<?> radio
                ? ((RadioButtonGroup<FormField.Option>) radio).getListDataView().getItems().toList()
                : input instanceof ComboBox<?> combo
                ? ((ComboBox<FormField.Option>) combo).getListDataView().getItems().toList()
                : input instanceof CheckboxGroup<?> group
                ? ((CheckboxGroup<FormField.Option>) group).getListDataView().getItems().toList()
                : input instanceof MultiSelectComboBox<?> tags
                ? ((MultiSelectComboBox<FormField.Option>) tags).getListDataView().getItems().toList()
                : List.of();
        String wanted = plain(value);
        return items.stream().filter(option -> plain(option.value()).equals(wanted)).findFirst();
    }

    private static String label(FormField.Option option) {
        return option == null || option.label() == null ? "" : option.label();
    }

    private static String plain(Object value) {
        return value instanceof Number n ? new BigDecimal(n.toString()).stripTrailingZeros().toPlainString()
                : String.valueOf(value);
    }

    /** A stored date/time (form-js text, or an older Date variable) as the picker's value. */
    private Object pickerValue(FormField field, Object value) {
        if (value instanceof Date date) {
            LocalDateTime local = LocalDateTime.ofInstant(date.toInstant(), zone);
            return switch (FormDateTimes.subtype(field)) {
                case "time" -> local.toLocalTime();
                case "datetime" -> local;
                default -> local.toLocalDate();
            };
        }
        FormDateTimes.Parsed parsed = FormDateTimes.parse(field, String.valueOf(value)).orElseThrow();
        LocalTime time = parsed.time();
        if (time != null && parsed.offset() != null) {
            // shown in the organisation's time zone
            LocalDate day = parsed.date() == null ? LocalDate.now(zone) : parsed.date();
            LocalDateTime local = day.atTime(time).atOffset(parsed.offset()).atZoneSameInstant(zone)
                    .toLocalDateTime();
            return parsed.date() == null ? local.toLocalTime() : local;
        }
        return parsed.date() == null ? time : time == null ? parsed.date() : parsed.date().atTime(time);
    }

    private TextField textField(FormField field) {
        TextField text = new TextField(field.label());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(maxLength(field));
        adorn(text, field);
        return text;
    }

    private BigDecimalField numberField(FormField field) {
        BigDecimalField number = new BigDecimalField(field.label());
        number.setValueChangeMode(ValueChangeMode.LAZY);
        adorn(number, field);
        return number;
    }

    /** form-js adorners: text before and after the value ("€", "days"), templated as labels are. */
    private void adorn(Component component, FormField field) {
        if (field.prefixAdorner() != null && component instanceof HasPrefix prefixed) {
            prefixed.setPrefixComponent(new Span(feel.text(field.prefixAdorner(), context)));
        }
        if (field.suffixAdorner() != null && component instanceof HasSuffix suffixed) {
            suffixed.setSuffixComponent(new Span(feel.text(field.suffixAdorner(), context)));
        }
    }

    /** The form's limit, and never more than any text field can carry (see the validator). */
    private static int maxLength(FormField field) {
        int most = FormSubmissionValidator.MAX_TEXT_LENGTH;
        return field.maxLength() == null ? most : Math.min(field.maxLength(), most);
    }

    private static TextArea textArea(FormField field) {
        TextArea text = new TextArea(field.label());
        text.setValueChangeMode(ValueChangeMode.LAZY);
        text.setMaxLength(maxLength(field));
        text.setMinHeight("6em");
        return text;
    }

    /** Whether the component and everything around it inside this form is visible. */
    private boolean shown(Component component) {
        for (Component current = component; current != null && current != this;
             current = current.getParent().orElse(null)) {
            if (!current.isVisible()) {
                return false;
            }
        }
        return true;
    }

    /** Re-evaluates the FEEL conditions: hidden ({@code conditional.hide}), read-only and disabled. */
    private void updateConditions() {
        if (conditionals.isEmpty()) {
            return;
        }
        Map<String, Object> data = new HashMap<>(context);
        data.putAll(values());
        for (Conditional conditional : conditionals) {
            Map<String, Object> scope = scope(data, conditional.row());
            FormField field = conditional.field();
            if (field.hideWhen() != null) {
                conditional.component().setVisible(!feel.isTrue(field.hideWhen(), scope));
            }
            Binding binding = conditional.binding();
            if (binding != null && (field.readonlyWhen() != null || field.disabledWhen() != null)) {
                boolean locked = field.readonlyWhen() != null && feel.isTrue(field.readonlyWhen(), scope)
                        || field.disabledWhen() != null && feel.isTrue(field.disabledWhen(), scope);
                binding.input().setReadOnly(locked || field.isLocked());
            }
        }
    }

    /** What FEEL sees in a row of a dynamic list: the row's fields (also as {@code this}), the form as parent. */
    private static Map<String, Object> scope(Map<String, Object> data, Row row) {
        if (row == null) {
            return data;
        }
        Map<String, Object> scope = new HashMap<>(data);
        scope.put("parent", data);
        if (row.path().get(data) instanceof Map<?, ?> values) {
            values.forEach((key, value) -> scope.put(String.valueOf(key), value));
            scope.put("this", values);
        }
        return scope;
    }

    /** What the server expects, as form-js stores it: option values, numbers, dates and times as text. */
    private Object submittable(FormField field, Object value) {
        if (value instanceof FormField.Option option) {
            return option.value();
        }
        if (value instanceof Set<?> set) {
            return set.stream().map(item -> submittable(field, item)).toList();
        }
        if (value instanceof LocalDate date) {
            return date.toString();
        }
        if (value instanceof LocalDateTime dateTime) {
            ZoneOffset offset = zone.getRules().getOffset(dateTime);
            return FormDateTimes.format(field, dateTime.toLocalDate(), dateTime.toLocalTime(), offset);
        }
        if (value instanceof LocalTime time) {
            ZoneOffset offset = zone.getRules().getOffset(LocalDate.now(zone).atTime(time));
            return FormDateTimes.format(field, null, time, offset);
        }
        return value;
    }
}
