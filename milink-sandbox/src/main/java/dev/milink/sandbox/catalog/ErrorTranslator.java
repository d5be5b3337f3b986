// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Token;
import java.sql.SQLException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns H2's errors into the SQL Server errors the same mistake raises (207, 208, 102, 195, 245, 8134). */
final class ErrorTranslator {
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NEAR = Pattern.compile("\\[\\*\\]\\s*([^\\s\"]*)");

    private ErrorTranslator() {}

    static TsqlException translate(SQLException e, List<Token> statement) {
        String msg = e.getMessage() == null ? "" : e.getMessage();
        int line = statement.isEmpty() ? 1 : statement.get(0).line();
        String name = firstQuoted(msg);
        return switch (e.getErrorCode()) {
            case 42122 -> TsqlException.of(207, 16, "Invalid column name '" + written(name, statement) + "'.", line);
            case 42102, 42104, 90079 -> TsqlException.of(208, 16, "Invalid object name '" + written(name, statement)
                    + "'.", line);
            case 90022 -> TsqlException.of(195, 15, "'" + written(name, statement)
                    + "' is not a recognized built-in function name.", line);
            case 22018 -> TsqlException.of(245, 16, "Conversion failed when converting the nvarchar value '"
                    + name + "' to data type int.", line);
            case 22012 -> TsqlException.of(8134, 16, "Divide by zero error encountered.", line);
            case 22001 -> TsqlException.of(8152, 16, "String or binary data would be truncated.", line);
            case 42000, 42001 -> TsqlException.syntax(near(msg, statement), line);
            default -> TsqlException.of(50000, 16, msg.lines().findFirst().orElse(msg), line);
        };
    }

    private static String firstQuoted(String msg) {
        Matcher m = QUOTED.matcher(msg);
        return m.find() ? m.group(1) : "";
    }

    /** The name as the query spelled it (H2 reports it lower-cased). */
    private static String written(String name, List<Token> statement) {
        String bare = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : name;
        for (Token t : statement) {
            if (t.isIdentifier() && t.value().equalsIgnoreCase(bare)) {
                return t.value();
            }
        }
        return bare;
    }

    private static String near(String msg, List<Token> statement) {
        Matcher m = NEAR.matcher(msg);
        if (m.find() && !m.group(1).isEmpty()) {
            String word = m.group(1).replaceAll("[(),;]+$", "");
            for (Token t : statement) {
                if (t.text().equalsIgnoreCase(word) || t.value().equalsIgnoreCase(word)) {
                    return t.text();
                }
            }
            return word.isEmpty() ? m.group(1) : word;
        }
        return statement.isEmpty() ? "" : statement.get(statement.size() - 1).text();
    }
}
