package nl.loket.workflow;

import java.util.Optional;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.stereotype.Component;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda's REST API (engine-rest) as the starter sets it up, plus one thing: a refusal by a Loket task listener
 * (four-eyes) reaches the client as 403 Forbidden. The engine wraps any listener's exception in a
 * ProcessEngineException, which engine-rest would answer with 500.
 */
@Component
class EngineRestConfig extends CamundaJerseyResourceConfig {

    @Override
    protected void registerAdditionalResources() {
        register(ListenerRefusalMapper.class);
        register(WrappedListenerRefusalMapper.class);
    }

    private static Optional<AuthorizationException> refusalIn(Throwable exception) {
        for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException refusal) {
                return Optional.of(refusal);
            }
        }
        return Optional.empty();
    }

    /** Answers as Camunda would, except that an {@link AuthorizationException} inside counts as itself. */
    @Priority(1)
    public static class ListenerRefusalMapper implements ExceptionMapper<ProcessEngineException> {

        @Override
        public Response toResponse(ProcessEngineException exception) {
            return ExceptionHandlerHelper.getInstance().getResponse(refusalIn(exception).map(Throwable.class::cast)
                    .orElse(exception));
        }
    }

    /** Some resources (task completion) wrap the engine's exception once more, in a RestException. */
    @Priority(1)
    public static class WrappedListenerRefusalMapper implements ExceptionMapper<RestException> {

        @Override
        public Response toResponse(RestException exception) {
            return ExceptionHandlerHelper.getInstance().getResponse(refusalIn(exception).map(Throwable.class::cast)
                    .orElse(exception));
        }
    }
}
