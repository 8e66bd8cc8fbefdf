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
     * A form-js text property that may be an expression: "=..." is evaluated (its result as text, empty when it
     * fails or gives nothing); anything else is returned as it is.
     */
    public String text(String textOrExpression, Map<String, Object> variables) {
        if (textOrExpression == null || !textOrExpression.strip().startsWith("=")) {
            return textOrExpression;
        }
        EvaluationResult result = engine.evaluateExpression(textOrExpression.strip().substring(1), variables);
        if (result.isFailure()) {
            log.warn("FEEL expression '{}' failed: {}", textOrExpression, result.failure().message());
            return "";
        }
        return result.result() == null ? "" : String.valueOf(result.result());
    }
}
