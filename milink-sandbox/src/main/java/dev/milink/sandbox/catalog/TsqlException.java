// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.engine.SqlError;
import java.util.List;

/**
 * One or more SQL Server errors raised by a statement (SQL Server sometimes sends two, e.g. 300 then 297).
 * The last error is the one {@code ERROR_NUMBER()} reports in a CATCH block.
 */
public final class TsqlException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<SqlError> errors;

    public TsqlException(List<SqlError> errors) {
        super(errors.get(errors.size() - 1).getMessage(), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static TsqlException of(int number, int severityClass, String message) {
        return new TsqlException(List.of(new SqlError(number, 1, severityClass, message)));
    }

    public static TsqlException of(int number, int severityClass, String message, int line) {
        return new TsqlException(List.of(new SqlError(number, 1, severityClass, message, line)));
    }

    public static TsqlException of(int number, int state, int severityClass, String message) {
        return new TsqlException(List.of(new SqlError(number, state, severityClass, message)));
    }

    public List<SqlError> errors() {
        return errors;
    }

    /** The error CATCH blocks see. */
    public SqlError last() {
        return errors.get(errors.size() - 1);
    }

    /** "Incorrect syntax near 'x'." */
    public static TsqlException syntax(String near, int line) {
        return of(102, 15, "Incorrect syntax near '" + near + "'.", line);
    }

    /** "Incorrect syntax near the keyword 'X'." */
    public static TsqlException keyword(String keyword, int line) {
        return of(156, 15, "Incorrect syntax near the keyword '" + keyword + "'.", line);
    }
}
