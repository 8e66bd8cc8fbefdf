package nl.loket.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.engine.rest.impl.CamundaRestResources;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda's REST API (engine-rest) as the starter sets it up, plus two things: a refusal by a Loket listener
 * (four-eyes, who may start a request type) reaches the client as 403 Forbidden, and a start form submission that
 * a Loket listener refused ({@link DelegateExecutions#invalidStart}) as 400 Bad Request, also from {@code /start}.
 * The engine wraps a task listener's exception in a ProcessEngineException, and {@code /start} wraps any
 * exception in a RestException, which engine-rest would answer with 500. A serialized Java object as a variable
 * value, which the engine refuses ({@code javaSerializationFormatEnabled: false}), is a bad request too (400).
 *
 * <p>The same holds for the engine API of Camunda's web apps ({@code /camunda/api/engine}, which Tasklist and
 * Cockpit call): the starter registers that JAX-RS application by class name, with no way to add a provider, but
 * it takes its configuration classes (Camunda's own exception handlers among them) from
 * {@link CamundaRestResources#getConfigurationClasses()}, as engine-rest does. The two mappers join that set, before
 * either application is built; {@code FourEyesEverywhereIT} shows Tasklist's refusal arriving as 403.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    private static final String JAVA_SERIALIZATION_PROHIBITED = "ENGINE-17007";

    static {
        CamundaRestResources.getConfigurationClasses().add(ListenerRefusalMapper.class);
        CamundaRestResources.getConfigurationClasses().add(WrappedListenerRefusalMapper.class);
    }

    private static Optional<AuthorizationException> refusalIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    private static boolean invalidSubmissionIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof FormFieldValidationException || isJavaSerializationRefusal(cause)) {
                return true;
            }
        }
        return false;
    }

    /** The engine's own refusal of a serialized Java object (its message code ENGINE-17007). */
    private static boolean isJavaSerializationRefusal(Throwable exception) {
        return exception instanceof ProcessEngineException && exception.getMessage() != null
                && exception.getMessage().contains(JAVA_SERIALIZATION_PROHIBITED);
    }

    /** Answers as Camunda would, except that an {@link AuthorizationException} inside counts as itself. */
    @Priority(1)
    public static class ListenerRefusalMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            if (isJavaSerializationRefusal(exception)) {
                return ExceptionHandlerHelper.getInstance().getResponse(
                        new RestException(Response.Status.BAD_REQUEST, exception, exception.getMessage()));
            }
            return ExceptionHandlerHelper.getInstance().getResponse(refusalIn(exception).map(Throwable.class::cast)
                    .orElse(exception));
        }
    }

    /** Some resources (task completion) wrap the engine's exception once more, in a RestException. */
    @Priority(1)
    public static class WrappedListenerRefusalMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            Optional<AuthorizationException> refusal = refusalIn(exception);
            if (refusal.isEmpty() && exception.getStatus() != Response.Status.BAD_REQUEST
                    && invalidSubmissionIn(exception)) {
                return ExceptionHandlerHelper.getInstance().getResponse(
                        new RestException(Response.Status.BAD_REQUEST, exception, exception.getMessage()));
            }
            return ExceptionHandlerHelper.getInstance().getResponse(refusal.map(Throwable.class::cast)
                    .orElse(exception));
        }
    }
}
