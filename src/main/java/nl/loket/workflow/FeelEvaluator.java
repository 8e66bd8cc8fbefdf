package nl.loket.workflow;

import java.util.Map;

import org.camunda.feel.api.EvaluationResult;
import org.camunda.feel.api.FeelEngineApi;
import org.camunda.feel.api.FeelEngineBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** FEEL expressions (as in Camunda Forms' conditions), evaluated by the FEEL engine that ships with Camunda. */
@Component
public class FeelEvaluator {

    private static final Logger log = LoggerFactory.getLogger(FeelEvaluator.class);

    private final FeelEngineApi engine = FeelEngineBuilder.forJava().build();
    private final FeelTemplate templates = new FeelTemplate();

    /**
     * True only if the expression evaluates to {@code true}. A form-js expression may start with '='. An expression
     * that fails or gives anything else counts as false, and is logged.
     */
    public boolean isTrue(String expression, Map<String, Object> variables) {
        String feel = expression.strip().startsWith("=") ? expression.strip().substring(1) : expression;
        EvaluationResult result = engine.evaluateExpression(feel, variables);
        if (result.isFailure()) {
            log.warn("FEEL expression '{}' failed: {}", expression, result.failure().message());
            return false;
        }
        return Boolean.TRUE.equals(result.result());
    }

    /**
     * The value of a form-js expression ({@code "=..."}; anything else is itself, as form-js takes a literal), as
     * plain Java: text, Boolean, numbers as Camunda Tasklist would store them (Integer, Long or Double), lists and
     * maps. Null when it fails (logged) or gives nothing.
     */
    public Object value(String expression, Map<String, Object> variables) {
        if (expression == null) {
            return null;
        }
        if (!expression.strip().startsWith("=")) {
            return expression;
        }
        EvaluationResult result = engine.evaluateExpression(expression.strip().substring(1), variables);
        if (result.isFailure()) {
            log.warn("FEEL expression '{}' failed: {}", expression, result.failure().message());
            return null;
        }
        return plain(result.result());
    }

    private static Object plain(Object value) {
        if (value instanceof Number && !(value instanceof Integer)) {
            java.math.BigDecimal number;
            try {
                number = new java.math.BigDecimal(value.toString());
            } catch (NumberFormatException e) {
                return null;
            }
            java.math.BigDecimal whole = number.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.abs().compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) {
                long asLong = whole.longValueExact();
                return asLong >= Integer.MIN_VALUE && asLong <= Integer.MAX_VALUE ? (Object) (int) asLong
                        : (Object) asLong;
            }
            return number.doubleValue();
        }
        if (value instanceof java.util.Map<?, ?> map) {
            Map<String, Object> copy = new java.util.LinkedHashMap<>();
            map.forEach((key, item) -> copy.put(String.valueOf(key), plain(item)));
            return copy;
        }
        if (value instanceof java.util.Collection<?> list) {
            return list.stream().map(FeelEvaluator::plain).collect(java.util.stream.Collectors.toList());
        }
        if (value instanceof java.time.temporal.TemporalAccessor) {
            return value.toString();
        }
        return value;
    }

    /**
     * A form-js text property: "=..." is a FEEL expression (its result as text, empty when it fails or gives
     * nothing); anything else is a feelers template ({@link FeelTemplate}), returned as it is when it has none.
     */
    public String text(String textOrExpression, Map<String, Object> variables) {
        if (textOrExpression == null) {
            return null;
        }
        if (!textOrExpression.strip().startsWith("=")) {
            // form-js templating ({{ name }}, {{#if}}, {{#loop}}); a text without it comes back as it is
            return templates.render(textOrExpression, variables);
        }
        EvaluationResult result = engine.evaluateExpression(textOrExpression.strip().substring(1), variables);
        if (result.isFailure()) {
            log.warn("FEEL expression '{}' failed: {}", textOrExpression, result.failure().message());
            return "";
        }
        return result.result() == null ? "" : String.valueOf(result.result());
    }
}
