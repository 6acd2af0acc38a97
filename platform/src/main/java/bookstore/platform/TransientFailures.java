package bookstore.platform;

import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.ClassUtils;

/**
 * Tells a failure of the infrastructure, which passes and must be waited out, from a failure of the
 * record itself, which no retry cures. Only the second kind may send a record to a dead-letter topic.
 */
public final class TransientFailures {

    /**
     * SQLSTATE classes of PostgreSQL that say the server, not the statement, is at fault: connection
     * exceptions, transaction rollbacks (serialization failures, deadlocks), insufficient resources,
     * operator intervention (a shutdown) and system errors.
     */
    private static final Set<String> TRANSIENT_SQL_STATE_CLASSES = Set.of("08", "40", "53", "57", "58");

    /** Drivers of stores the platform does not depend on, by name (the catalogue's MongoDB). */
    private static final Set<String> TRANSIENT_TYPE_NAMES = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException");

    /**
     * Whether R2DBC is on the class path: the catalogue runs on MongoDB without it, and naming its
     * types there would fail with {@code NoClassDefFoundError} instead of telling anything.
     */
    private static final boolean R2DBC =
            ClassUtils.isPresent("io.r2dbc.spi.R2dbcException", TransientFailures.class.getClassLoader());

    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (isTransientItself(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isTransientItself(Throwable failure) {
        if (failure instanceof TimeoutException
                || failure instanceof IOException
                || failure instanceof TransientDataAccessException
                || failure instanceof RecoverableDataAccessException
                || failure instanceof DataAccessResourceFailureException
                || failure instanceof CannotCreateTransactionException) {
            return true;
        }
        if (R2DBC && R2dbcFailures.isTransient(failure)) {
            return true;
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (TRANSIENT_TYPE_NAMES.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** The R2DBC driver's failures; loaded only where R2DBC is on the class path. */
    private static final class R2dbcFailures {

        static boolean isTransient(Throwable failure) {
            if (failure instanceof R2dbcTransientException || failure instanceof R2dbcNonTransientResourceException) {
                return true;
            }
            return failure instanceof R2dbcException database
                    && database.getSqlState() != null
                    && database.getSqlState().length() >= 2
                    && TRANSIENT_SQL_STATE_CLASSES.contains(
                            database.getSqlState().substring(0, 2));
        }
    }
}
