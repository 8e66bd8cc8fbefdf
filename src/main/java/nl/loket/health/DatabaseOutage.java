package nl.loket.health;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

/**
 * Tells an unreachable database (down, restarting, the network cut) from a fault in Loket, so that the user is told
 * "try again in a minute, nothing was saved" instead of "something went wrong", and the log says what happened.
 */
public final class DatabaseOutage {

    /** Message key of what the user is told (with the error's reference as its argument). */
    public static final String MESSAGE = "error.database-unavailable";
    private static final int DEEPEST_CAUSE = 25;

    private DatabaseOutage() {
    }

    /** Whether the error, or any of its causes, says the database could not be reached. */
    public static boolean isCauseOf(Throwable error) {
        Throwable cause = error;
        for (int depth = 0; cause != null && depth < DEEPEST_CAUSE; depth++) {
            if (isOutage(cause)) {
                return true;
            }
            cause = cause.getCause() == cause ? null : cause.getCause();
        }
        return false;
    }

    private static boolean isOutage(Throwable error) {
        if (error instanceof DataAccessResourceFailureException || error instanceof CannotCreateTransactionException
                || error instanceof SQLTransientConnectionException
                || error instanceof SQLNonTransientConnectionException || error instanceof ConnectException) {
            return true;
        }
        // SQL state class 08: connection exception; 57P01-57P03: PostgreSQL shutting down or starting
        return error instanceof SQLException sql && sql.getSQLState() != null
                && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0"));
    }
}
