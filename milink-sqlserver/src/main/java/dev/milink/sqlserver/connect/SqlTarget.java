// SPDX-License-Identifier: Apache-2.0
package dev.milink.sqlserver.connect;

import dev.milink.core.error.CoreError;
import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A SQL Server instance address as users write it: {@code host}, {@code host,1433}, {@code host:1433},
 * {@code host\INSTANCE}, {@code host\INSTANCE,1433}, {@code [2001:db8::1],1433}; an SSMS-style {@code tcp:} prefix is
 * accepted. {@link #parse(String)} validates and explains bad input in one line.
 *
 * <pre>{@code
 * SqlTarget t = SqlTarget.parse("sql01.contoso.local\\PROD,14330");
 * t.display();   // "sql01.contoso.local\PROD,14330"
 * }</pre>
 *
 * @param host         DNS name or IP (IPv6 without brackets)
 * @param port         TCP port, null when not given (1433, or SQL Browser for a named instance)
 * @param instanceName named instance, null for the default instance
 * @since 0.1
 */
public record SqlTarget(String host, Integer port, String instanceName) {

    /** Default TCP port of a default instance. */
    public static final int DEFAULT_PORT = 1433;

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]*[A-Za-z0-9])?");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.%]+");
    private static final Pattern INSTANCE = Pattern.compile("[A-Za-z_][A-Za-z0-9_$#]{0,15}");

    public SqlTarget {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("host is required");
        }
        if (port != null && (port < 1 || port > 65_535)) {
            throw new IllegalArgumentException("port " + port + " is outside 1-65535");
        }
    }

    /** A default instance on the default port. */
    public static SqlTarget of(String host) {
        return new SqlTarget(host, null, null);
    }

    /**
     * Parses what a user typed.
     *
     * @throws MilinkException {@link dev.milink.core.error.CoreError#USAGE} with a one-line explanation and the accepted forms
     */
    public static SqlTarget parse(String text) {
        if (text == null || text.isBlank()) {
            throw usage("", "the SQL Server address is empty");
        }
        String s = text.trim();
        if (s.regionMatches(true, 0, "tcp:", 0, 4)) {
            s = s.substring(4);
        }
        String host;
        String rest;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw usage(text, "an IPv6 address in brackets needs its closing ']'");
            }
            host = s.substring(1, close);
            if (!IPV6.matcher(host).matches()) {
                throw usage(text, "'" + host + "' is not an IPv6 address");
            }
            rest = s.substring(close + 1);
        } else {
            Matcher m = Pattern.compile("^[^\\\\,:]*").matcher(s);
            m.find();
            host = m.group();
            rest = s.substring(host.length());
            if (host.isEmpty()) {
                throw usage(text, "the host name is missing");
            }
            if (host.equals(".") || host.equalsIgnoreCase("(local)")) {
                host = "localhost";
            } else if (!HOST.matcher(host).matches()) {
                throw usage(text, "'" + host + "' is not a valid host name or IP address");
            } else if (!isPlausibleIpv4(host)) {
                throw usage(text, "'" + host + "' is not a valid IPv4 address (each part 0-255)");
            }
        }
        String instance = null;
        if (rest.startsWith("\\")) {
            int end = indexOfAny(rest, 1, ',', ':');
            instance = rest.substring(1, end);
            rest = rest.substring(end);
            if (instance.isEmpty()) {
                throw usage(text, "the instance name after '\\' is empty");
            }
            if (!INSTANCE.matcher(instance).matches()) {
                throw usage(text, "'" + instance + "' is not a valid instance name (letters, digits, _ $ #, at most 16)");
            }
            if (instance.equalsIgnoreCase("MSSQLSERVER")) {
                instance = null; // the default instance's service name, not a named instance
            }
        }
        Integer port = null;
        if (!rest.isEmpty()) {
            char sep = rest.charAt(0);
            if (sep != ',' && sep != ':') {
                throw usage(text, "unexpected '" + rest + "'");
            }
            String p = rest.substring(1);
            if (!p.matches("\\d{1,5}")) {
                throw usage(text, "the port '" + p + "' is not a number");
            }
            port = Integer.valueOf(p);
            if (port < 1 || port > 65_535) {
                throw usage(text, "the port " + port + " is outside 1-65535");
            }
        }
        return new SqlTarget(host, port, instance);
    }

    /** The address in SQL Server's own notation ({@code host\INSTANCE,port}), for messages and reports. */
    public String display() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        return h + (instanceName == null ? "" : "\\" + instanceName) + (port == null ? "" : "," + port);
    }

    /** Host and port for error messages: {@code host:1433}, or {@code host\INSTANCE} when SQL Browser picks the port. */
    public String endpoint() {
        String h = host.contains(":") ? "[" + host + "]" : host;
        if (port != null) {
            return h + ":" + port;
        }
        return instanceName == null ? h + ":" + DEFAULT_PORT : h + "\\" + instanceName + " (port via SQL Browser, UDP 1434)";
    }

    @Override
    public String toString() {
        return display();
    }

    /**
     * False for something that looks like an IPv4 address (four dot-separated numbers) but is none, such as
     * {@code 999.1.1.1}; true for every other text (names are checked elsewhere).
     */
    public static boolean isPlausibleIpv4(String host) {
        if (!host.matches("\\d+(\\.\\d+){3}")) {
            return true;
        }
        for (String part : host.split("\\.")) {
            if (part.length() > 3 || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }

    private static int indexOfAny(String s, int from, char a, char b) {
        for (int i = from; i < s.length(); i++) {
            if (s.charAt(i) == a || s.charAt(i) == b) {
                return i;
            }
        }
        return s.length();
    }

    private static MilinkException usage(String text, String why) {
        return new MilinkException(CoreError.USAGE, "Invalid SQL Server address '" + text + "': " + why
                + ". Use host, host,port, host:port or host\\INSTANCE[,port].");
    }
}
