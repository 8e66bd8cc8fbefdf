package nl.loket.workflow;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.springframework.stereotype.Component;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * A refusal is not an error of the engine: when a Loket listener refuses a command (four-eyes, who may start a
 * request type, a start form that does not fit), the caller is answered 403 or 400 and Loket logs one WARN line
 * saying who was refused and why. The engine would log the same refusal again, at ERROR with its whole stack trace
 * (ENGINE-16004, "Exception while closing command context"), because its listener invocation wraps the refusal in
 * a ProcessEngineException; only that line is left out here. Everything else the engine logs, refused job steps
 * (incidents) included, stays as it is.
 */
@Component
class EngineRefusalLogFilter extends TurboFilter {

    static final String ENGINE_COMMAND_LOGGER = "org.camunda.bpm.engine.context";

    EngineRefusalLogFilter() {
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logging
                && logging.getTurboFilterList().stream().noneMatch(EngineRefusalLogFilter.class::isInstance)) {
            start();
            logging.addTurboFilter(this);
        }
    }

    @Override
    public FilterReply decide(Marker marker, Logger logger, Level level, String format, Object[] params,
                              Throwable throwable) {
        if (level != Level.ERROR || logger == null || !ENGINE_COMMAND_LOGGER.equals(logger.getName())) {
            return FilterReply.NEUTRAL;
        }
        return isRefusal(throwable != null ? throwable : lastThrowable(params)) ? FilterReply.DENY : FilterReply.NEUTRAL;
    }

    private static Throwable lastThrowable(Object[] params) {
        return params != null && params.length > 0 && params[params.length - 1] instanceof Throwable t ? t : null;
    }

    /** Loket's refusal somewhere in the chain, wrapped by the engine or not. */
    static boolean isRefusal(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AuthorizationException || cause instanceof FormFieldValidationException) {
                return true;
            }
        }
        return false;
    }
}
