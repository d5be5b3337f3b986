// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.tsql.Nesting;
import dev.milink.sandbox.catalog.tsql.Token;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Rewrites a T-SQL query or expression into H2 (MSSQLServer mode) SQL: catalog object names become calls of the
 * catalog table function, T-SQL functions H2 lacks become aliases or CASE expressions, variables and
 * {@code @@} functions are bound, brackets become double quotes and column aliases keep their case.
 * The rewrite is purely syntactic: it never looks at what a query is for.
 */
final class SqlTranslator {
    /** T-SQL functions served by CatalogFunctions; they receive the session key first. */
    private static final Map<String, String> SESSION_FUNCTIONS = Map.ofEntries(
            Map.entry("serverproperty", "MSSQL_SERVERPROPERTY"), Map.entry("db_id", "MSSQL_DB_ID"),
            Map.entry("db_name", "MSSQL_DB_NAME"), Map.entry("is_srvrolemember", "MSSQL_IS_SRVROLEMEMBER"),
            Map.entry("has_perms_by_name", "MSSQL_HAS_PERMS_BY_NAME"), Map.entry("cert_id", "MSSQL_CERT_ID"),
            Map.entry("certencoded", "MSSQL_CERTENCODED"),
            Map.entry("certprivatekey", "MSSQL_CERTPRIVATEKEY"), Map.entry("suser_sname", "MSSQL_SUSER_SNAME"),
            Map.entry("suser_name", "MSSQL_SUSER_SNAME"), Map.entry("original_login", "MSSQL_SUSER_SNAME"),
            Map.entry("user_name", "MSSQL_USER_NAME"), Map.entry("databasepropertyex", "MSSQL_DATABASEPROPERTYEX"),
            Map.entry("fn_hadr_is_primary_replica", "MSSQL_FN_HADR_IS_PRIMARY_REPLICA"),
            Map.entry("object_id", "MSSQL_OBJECT_ID"), Map.entry("host_name", "MSSQL_HOST_NAME"),
            Map.entry("app_name", "MSSQL_APP_NAME"), Map.entry("is_member", "MSSQL_IS_MEMBER"));
    /** Functions H2 lacks that need no session. */
    private static final Map<String, String> PLAIN_FUNCTIONS = Map.of(
            "quotename", "MSSQL_QUOTENAME", "sysutcdatetime", "MSSQL_SYSUTCDATETIME", "getutcdate",
            "MSSQL_SYSUTCDATETIME", "sysdatetime", "CURRENT_TIMESTAMP", "count_big", "COUNT",
            "fn_varbintohexstr", "MSSQL_VARBINTOHEXSTR", "newid", "RANDOM_UUID");
    /** Table-valued functions. */
    private static final Map<String, String> TABLE_FUNCTIONS = Map.of(
            "dm_os_file_exists", "MSSQL_DM_OS_FILE_EXISTS");
    private static final Set<String> ERROR_FUNCTIONS = Set.of("ERROR_NUMBER", "ERROR_MESSAGE", "ERROR_SEVERITY",
            "ERROR_STATE", "ERROR_LINE", "ERROR_PROCEDURE");
    /** Words H2 reserves that SQL Server allows as column names. */
    private static final Set<String> H2_ONLY_RESERVED = Set.of("VALUE", "KEY", "MINUS", "QUALIFY", "LIMIT",
            "ROWNUM", "_ROWID_", "REGEXP", "ILIKE", "GROUPS", "WINDOW", "ARRAY", "INTERVAL", "UESCAPE",
            "LOCALTIME", "LOCALTIMESTAMP", "UNKNOWN");
    /** Words that can follow a table reference and are not an alias. */
    private static final Set<String> NOT_ALIAS = Set.of("WHERE", "JOIN", "INNER", "LEFT", "RIGHT", "FULL", "CROSS",
            "OUTER", "ON", "GROUP", "ORDER", "HAVING", "UNION", "EXCEPT", "INTERSECT", "FOR", "OPTION", "WITH",
            "SELECT", "INSERT", "UPDATE", "DELETE", "SET", "FROM", "INTO", "VALUES", "EXEC", "EXECUTE", "IF", "ELSE",
            "END", "BEGIN", "PRINT", "DECLARE", "USE", "RETURN", "WHILE", "WAITFOR", "THROW", "RAISERROR",
            "COMMIT", "ROLLBACK", "BACKUP", "DBCC", "ALTER", "CREATE", "DROP", "GRANT", "APPLY", "PIVOT", "AND",
            "OR");
    private static final Set<String> TABLE_HINTS = Set.of("NOLOCK", "READUNCOMMITTED", "READCOMMITTED", "HOLDLOCK",
            "UPDLOCK", "ROWLOCK", "TABLOCK", "NOWAIT", "READPAST", "XLOCK", "PAGLOCK", "SERIALIZABLE", "INDEX");
    /** Keywords that may precede a parenthesis without being a function call. */
    private static final Set<String> KEYWORDS = Set.of("SELECT", "FROM", "WHERE", "AND", "OR", "NOT", "IN", "EXISTS",
            "ON", "WHEN", "THEN", "ELSE", "END", "AS", "IS", "LIKE", "BETWEEN", "CASE", "JOIN", "UNION", "ALL", "ANY",
            "SOME", "DISTINCT", "TOP", "BY", "OVER", "VALUES", "INTO", "WITH", "NULL", "ESCAPE", "APPLY", "EXCEPT",
            "INTERSECT", "RETURN", "SET");
    private static final Set<String> SCHEMAS = Set.of("sys", "dbo", "information_schema");

    private final TranslationHost host;
    private final List<Token> t;
    private final StringBuilder out = new StringBuilder();
    /** Per open parenthesis: true when it is CAST(…)/CONVERT(…), where AS names a type. */
    private final Deque<Boolean> castParens = new ArrayDeque<>();

    private SqlTranslator(TranslationHost host, List<Token> tokens) {
        this.host = host;
        this.t = tokens;
    }

    /** Translates tokens (without EOF) into H2 SQL. */
    static String translate(TranslationHost host, List<Token> tokens) throws TsqlException {
        SqlTranslator tr = new SqlTranslator(host, tokens);
        tr.range(0, tokens.size());
        return tr.out.toString().strip();
    }

    private void emit(String s) {
        if (!out.isEmpty() && !s.equals(".") && out.charAt(out.length() - 1) != '.') {
            out.append(' ');
        }
        out.append(s);
    }

    private void range(int from, int to) throws TsqlException {
        int i = from;
        while (i < to) {
            i = token(i, to);
        }
    }

    /** Translates the construct starting at {@code i}; returns the index after it. */
    private int token(int i, int to) throws TsqlException {
        Token k = t.get(i);
        switch (k.kind()) {
            case STRING, NSTRING -> {
                emit(previousIs(i, "AS") && !inCast() ? quoteId(k.value()) : literal(k.value()));
                return i + 1;
            }
            case BINARY -> {
                emit("X'" + k.value() + "'");
                return i + 1;
            }
            case NUMBER -> {
                emit(k.text());
                return i + 1;
            }
            case VARIABLE -> {
                emit(host.variable(k));
                return i + 1;
            }
            case SYSTEM_VARIABLE -> {
                emit(host.systemVariable(k));
                return i + 1;
            }
            case SYMBOL -> {
                return symbol(i, to);
            }
            case EOF -> {
                return i + 1;
            }
            default -> {
                return identifier(i, to);
            }
        }
    }

    private int symbol(int i, int to) throws TsqlException {
        Token k = t.get(i);
        if (k.isSymbol("(")) {
            if (i + 1 < to && t.get(i + 1).is("SELECT")) {
                int close = matching(i);
                if (hasForJson(i + 1, close)) {
                    emit(host.scalarJson(t.subList(i + 1, close)));
                    return close + 1;
                }
            }
            castParens.push(false);
        } else if (k.isSymbol(")") && !castParens.isEmpty()) {
            castParens.pop();
        }
        emit(k.text());
        return i + 1;
    }

    private boolean hasForJson(int from, int to) {
        return Nesting.findPair(t, from, to, "FOR", "JSON") >= 0;
    }

    private int matching(int open) throws TsqlException {
        int close = Nesting.matching(t, open);
        if (close < 0) {
            throw TsqlException.syntax(t.get(open).text(), t.get(open).line());
        }
        return close;
    }

    private boolean previousIs(int i, String word) {
        return i > 0 && t.get(i - 1).is(word);
    }

    private boolean inCast() {
        return !castParens.isEmpty() && castParens.peek();
    }

    private int identifier(int i, int to) throws TsqlException {
        Token k = t.get(i);
        if (k.kind() == Token.Kind.WORD) {
            String up = k.upper();
            if (up.equals("WITH") && i + 2 < to && t.get(i + 1).isSymbol("(") && TABLE_HINTS.contains(t.get(i + 2).upper())) {
                return matching(i + 1) + 1;
            }
            if (up.equals("OPTION") && i + 1 < to && t.get(i + 1).isSymbol("(")) {
                return matching(i + 1) + 1;
            }
            if (up.equals("COLLATE")) {
                return i + 2;
            }
            if (KEYWORDS.contains(up)) {
                emit(k.text());
                return i + 1;
            }
        }
        List<String> parts = new ArrayList<>();
        int j = i;
        parts.add(t.get(j).value());
        j++;
        while (j + 1 < to + 1 && j < to && t.get(j).isSymbol(".")) {
            if (j + 1 < to && t.get(j + 1).isSymbol(".")) {
                parts.add("");
                j++;
                continue;
            }
            if (j + 1 < to && t.get(j + 1).isIdentifier()) {
                parts.add(t.get(j + 1).value());
                j += 2;
            } else {
                break;
            }
        }
        boolean call = j < to && t.get(j).isSymbol("(");
        if (call) {
            return function(i, j, parts, to);
        }
        String written = written(i, j);
        boolean objectRef = parts.size() >= 3 || (parts.size() == 2 && SCHEMAS.contains(lower(parts.get(0))));
        boolean single = parts.size() == 1 && i > 0 && (t.get(i - 1).is("FROM") || t.get(i - 1).is("JOIN"));
        if (objectRef || single) {
            String relation = host.relation(parts, written, single);
            if (relation != null) {
                emit(relation);
                if (!hasAlias(j, to)) {
                    emit("AS " + quoteId(parts.get(parts.size() - 1)));
                }
                return j;
            }
        }
        for (int p = 0; p < parts.size(); p++) {
            if (p > 0) {
                emit(".");
            }
            Token src = t.get(i + 2 * p < j ? i + 2 * p : i);
            emit(identifierText(src, parts.get(p), i, p));
        }
        return j;
    }

    private String identifierText(Token src, String value, int first, int partIndex) {
        if (src.kind() == Token.Kind.QUOTED_ID || value.startsWith("#")) {
            return quoteId(value); // #temp names are no valid H2 identifiers unquoted
        }
        boolean aliasPosition = partIndex == 0 && first > 0 && t.get(first - 1).is("AS") && !inCast();
        if (aliasPosition || H2_ONLY_RESERVED.contains(value.toUpperCase(Locale.ROOT))) {
            return quoteId(value);
        }
        return value;
    }

    private String written(int from, int to) {
        StringBuilder sb = new StringBuilder();
        for (int j = from; j < to; j++) {
            Token x = t.get(j);
            sb.append(x.kind() == Token.Kind.QUOTED_ID ? x.value() : x.text());
        }
        return sb.toString();
    }

    private boolean hasAlias(int j, int to) {
        if (j >= to) {
            return false;
        }
        Token n = t.get(j);
        if (n.is("AS") || n.kind() == Token.Kind.QUOTED_ID) {
            return true;
        }
        return n.kind() == Token.Kind.WORD && !NOT_ALIAS.contains(n.upper());
    }

    private int function(int i, int open, List<String> parts, int to) throws TsqlException {
        String name = lower(parts.get(parts.size() - 1));
        int close = matching(open);
        List<int[]> args = arguments(open, close);
        if (parts.size() == 1 && ERROR_FUNCTIONS.contains(name.toUpperCase(Locale.ROOT))) {
            emit(host.errorFunction(name.toUpperCase(Locale.ROOT)));
            return close + 1;
        }
        switch (name) {
            case "iif" -> {
                requireArgs(args, 3, i);
                emit("CASE WHEN");
                arg(args.get(0));
                emit("THEN");
                arg(args.get(1));
                emit("ELSE");
                arg(args.get(2));
                emit("END");
                return close + 1;
            }
            case "try_convert", "try_cast", "convert" -> {
                return conversion(name, i, open, close, args);
            }
            case "datepart" -> {
                requireArgs(args, 2, i);
                emit("EXTRACT(" + t.get(args.get(0)[0]).value() + " FROM");
                arg(args.get(1));
                emit(")");
                return close + 1;
            }
            case "cast" -> {
                emit("CAST(");
                castParens.push(true);
                range(open + 1, close);
                castParens.pop();
                emit(")");
                return close + 1;
            }
            default -> {
                // fall through to the maps below
            }
        }
        String table = parts.size() >= 2 ? TABLE_FUNCTIONS.get(name) : null;
        String session = SESSION_FUNCTIONS.get(name);
        String plain = PLAIN_FUNCTIONS.get(name);
        if (table != null || session != null) {
            boolean variant = "serverproperty".equals(name);
            emit((variant ? "CAST(" : "") + (table != null ? table : session) + "(" + literal(host.key()));
            for (int[] a : args) {
                emit(",");
                arg(a);
            }
            emit(variant ? ") AS sql_variant)" : ")");
            if (table != null && !hasAlias(close + 1, to)) {
                emit("AS " + quoteId(name));
            }
            return close + 1;
        }
        if (plain != null) {
            if ("CURRENT_TIMESTAMP".equals(plain)) {
                emit(plain);
                return close + 1;
            }
            emit(plain + "(");
            for (int a = 0; a < args.size(); a++) {
                if (a > 0) {
                    emit(",");
                }
                arg(args.get(a));
            }
            emit(")");
            return close + 1;
        }
        if (parts.size() > 1 && SCHEMAS.contains(lower(parts.get(parts.size() - 2)))) {
            Token k = t.get(i);
            throw TsqlException.of(4121, 16, "Cannot find either column \"" + parts.get(0)
                    + "\" or the user-defined function or aggregate \"" + written(i, open)
                    + "\", or the name is ambiguous.", k.line());
        }
        emit((t.get(i).kind() == Token.Kind.QUOTED_ID ? quoteId(parts.get(0)) : parts.get(0)) + "(");
        castParens.push(false);
        range(open + 1, close);
        castParens.pop();
        emit(")");
        return close + 1;
    }

    /** CONVERT(type, expr[, style]), TRY_CONVERT(type, expr[, style]), TRY_CAST(expr AS type). */
    private int conversion(String name, int i, int open, int close, List<int[]> args) throws TsqlException {
        if ("try_cast".equals(name)) {
            int as = -1;
            for (int j = open + 1; j < close; j++) {
                if (t.get(j).is("AS")) {
                    as = j;
                }
            }
            if (as < 0) {
                throw TsqlException.syntax(t.get(close).text(), t.get(close).line());
            }
            String type = written(as + 1, close);
            emit("CAST(MSSQL_TRY_CONVERT(" + literal(type) + ",");
            range(open + 1, as);
            emit(") AS " + type + ")");
            return close + 1;
        }
        if (args.size() < 2) {
            throw TsqlException.of(174, 15, "The " + name + " function requires 2 to 3 arguments.", t.get(i).line());
        }
        String type = written(args.get(0)[0], args.get(0)[1]);
        boolean tryIt = "try_convert".equals(name);
        if (!tryIt && args.size() == 2) {
            emit("CAST(");
            arg(args.get(1));
            emit("AS " + type + ")");
            return close + 1;
        }
        emit("CAST(");
        if (tryIt) {
            emit("MSSQL_TRY_CONVERT(" + literal(type) + ",");
        }
        if (args.size() == 3) {
            emit("MSSQL_CONVERT_STYLE(");
            arg(args.get(1));
            emit(",");
            arg(args.get(2));
            emit(")");
        } else {
            arg(args.get(1));
        }
        emit((tryIt ? ")" : "") + " AS " + type + ")");
        return close + 1;
    }

    private void requireArgs(List<int[]> args, int n, int at) throws TsqlException {
        if (args.size() != n) {
            throw TsqlException.of(174, 15, "The " + t.get(at).value().toLowerCase(Locale.ROOT) + " function requires "
                    + n + " argument(s).", t.get(at).line());
        }
    }

    private void arg(int[] range) throws TsqlException {
        castParens.push(false);
        range(range[0], range[1]);
        castParens.pop();
    }

    private List<int[]> arguments(int open, int close) {
        List<int[]> args = new ArrayList<>();
        if (close == open + 1) {
            return args;
        }
        int depth = 0;
        int start = open + 1;
        for (int j = open + 1; j < close; j++) {
            Token x = t.get(j);
            depth += x.isSymbol("(") ? 1 : x.isSymbol(")") ? -1 : 0;
            if (depth == 0 && x.isSymbol(",")) {
                args.add(new int[] {start, j});
                start = j + 1;
            }
        }
        args.add(new int[] {start, close});
        return args;
    }

    static String literal(String s) {
        return s == null ? "NULL" : "'" + s.replace("'", "''") + "'";
    }

    static String quoteId(String s) {
        return "\"" + s.replace("\"", "\"\"") + "\"";
    }

    static String binary(byte[] b) {
        return b == null ? "NULL" : "X'" + HexFormat.of().formatHex(b) + "'";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
