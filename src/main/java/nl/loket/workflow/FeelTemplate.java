package nl.loket.workflow;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import nl.loket.workflow.FeelTemplateParser.Insert;
import nl.loket.workflow.FeelTemplateParser.Part;
import nl.loket.workflow.FeelTemplateParser.Section;
import nl.loket.workflow.FeelTemplateParser.Text;

/**
 * Camunda Forms' templating in texts and labels: the feelers language (bpmn-io/feelers, docs/LANGUAGE.md), with its
 * FEEL evaluated by the FEEL engine that ships with Camunda. {@code {{expression}}} inserts a value as plain text,
 * {@code {{#if condition}}…{{/if}}} shows a part, {@code {{#loop list}}…{{/loop}}} repeats one per item, with
 * {@code this}, {@code parent}, {@code _this_} and {@code _parent_} as feelers defines them
 * (packages/feelers/lib/interpreter.js). There is no {@code {{else}}} in feelers.
 */
public class FeelTemplate {

    private static final Logger log = LoggerFactory.getLogger(FeelTemplate.class);

    /** form-js' FeelersTemplating.isTemplate: a "{{…}}" on one line. */
    private static final Pattern HAS_TAG = Pattern.compile("\\{\\{.*?}}");

    private static final Pattern NEEDS_QUOTES = Pattern.compile("\\W");

    /** What {@link #evaluate} gives for an expression that failed, as opposed to one that gave null. */
    private static final Object FAILED = new Object();

    private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();

    /**
     * The template with its tags replaced. A text without a "{{…}}" and an expression ("=…", as
     * {@link FeelEvaluator#text} treats it) are returned as they are. An expression that fails inserts nothing; a
     * malformed template is rendered as far as it can be read and logged, never thrown.
     */
    public String render(String template, Map<String, Object> variables) {
        if (template == null || template.strip().startsWith("=") || !HAS_TAG.matcher(template).find()) {
            return template;
        }
        FeelTemplateParser.Parsed parsed = FeelTemplateParser.parse(template);
        parsed.problems().forEach(problem -> log.warn("Template '{}': {}", template, problem));
        return render(parsed.parts(), scope(variables == null ? Map.of() : variables, null));
    }

    private String render(List<Part> parts, Map<String, Object> scope) {
        StringBuilder text = new StringBuilder();
        for (Part part : parts) {
            text.append(render(part, scope));
        }
        return text.toString();
    }

    private String render(Part part, Map<String, Object> scope) {
        if (part instanceof Insert insert) {
            return insert(insert.expression(), scope);
        }
        return part instanceof Section section ? section(section, scope) : ((Text) part).text();
    }

    private String insert(String expression, Map<String, Object> scope) {
        Object value = evaluate(expression, scope);
        return value == FAILED || value == null ? "" : asText(value, false);
    }

    private String section(Section section, Map<String, Object> scope) {
        Object value = evaluate(section.expression(), scope);
        if (value == FAILED || section.kind() == FeelTemplateParser.Kind.IF && !isTruthy(value)) {
            return "";
        }
        String inner = section.kind() == FeelTemplateParser.Kind.IF
                ? render(section.parts(), scope)
                : items(value).stream().map(item -> render(section.parts(), scope(item, scope)))
                        .collect(Collectors.joining());
        // feelers swallows the newline after a close tag, and gives it back unless the section ended with one
        return section.newlineAfterClose() && !inner.endsWith("\n") ? inner + "\n" : inner;
    }

    private Object evaluate(String expression, Map<String, Object> scope) {
        EvaluationResult result = engine.evaluateExpression(expression, scope);
        if (result.isFailure()) {
            log.warn("FEEL expression '{}' in a template failed: {}", expression, result.failure().message());
            return FAILED;
        }
        return result.result();
    }

    /**
     * An item's fields and the four helpers, as feelers' enhanceContext makes them; at the top the item is all
     * variables.
     */
    private static Map<String, Object> scope(Object item, Map<String, Object> parent) {
        Map<String, Object> scope = new HashMap<>();
        scope.put("this", item);
        scope.put("parent", parent);
        if (item instanceof Map<?, ?> fields) {
            fields.forEach((name, value) -> scope.put(String.valueOf(name), value));
        }
        scope.put("_this_", item);
        scope.put("_parent_", parent);
        return scope;
    }

    /** Not strict, as form-js' text: a loop over nothing is empty, over one value runs once. */
    private static List<?> items(Object value) {
        if (value instanceof List<?> list) {
            return list;
        }
        return value == null ? List.of() : Collections.singletonList(value);
    }

    /** JavaScript's truthiness, which feelers applies to a condition's value when it is not strict. */
    private static boolean isTruthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value instanceof Number number) {
            return number.doubleValue() != 0 && !Double.isNaN(number.doubleValue());
        }
        return value instanceof String string ? !string.isEmpty() : value != null;
    }

    /** As feelin's string() writes a value (src/builtins.ts, toString), which feelers calls on every insert. */
    private String asText(Object value, boolean nested) {
        if (value == null) {
            return nested ? "null" : "";
        }
        if (value instanceof String string) {
            return nested ? quoted(string) : string;
        }
        if (value instanceof Number number) {
            return asText(number);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().map(item -> asText(item, true)).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> context) {
            return context.entrySet().stream()
                    .map(entry -> key(String.valueOf(entry.getKey())) + ": " + asText(entry.getValue(), true))
                    .collect(Collectors.joining(", ", "{", "}"));
        }
        return value instanceof Boolean ? value.toString() : feelString(value);
    }

    private static String quoted(String string) {
        return '"' + string.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }

    private static String key(String name) {
        return NEEDS_QUOTES.matcher(name).find() ? quoted(name) : name;
    }

    /**
     * A number as JavaScript writes it (feelin's numbers are JavaScript's): no ".0", the shortest decimals that
     * give the same double, an exponent from 1e21 and below 1e-6. Whole numbers are written in full, also beyond
     * 2^53 where JavaScript would round them.
     */
    private static String asText(Number number) {
        if (!(number instanceof Double || number instanceof Float || number instanceof BigDecimal)) {
            return number.toString();
        }
        double value = number.doubleValue();
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            return Double.isNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0) {
            return "0";
        }
        BigDecimal shortest = new BigDecimal(Double.toString(value)).stripTrailingZeros();
        double size = Math.abs(value);
        return size >= 1e-6 && size < 1e21 ? shortest.toPlainString() : withExponent(shortest);
    }

    private static String withExponent(BigDecimal number) {
        String digits = number.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - number.scale();
        return (number.signum() < 0 ? "-" : "") + digits.charAt(0)
                + (digits.length() > 1 ? "." + digits.substring(1) : "")
                + "e" + (exponent >= 0 ? "+" : "-") + Math.abs(exponent);
    }

    /** Dates, times and durations as FEEL's string() writes them (ISO 8601, "@zone"), as feelin does too. */
    private String feelString(Object value) {
        EvaluationResult result = engine.evaluateExpression("string(value)", Map.of("value", value));
        return result.isFailure() || result.result() == null ? String.valueOf(value) : result.result().toString();
    }
}
