// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import dev.milink.sqlserver.connect.SqlTarget;

/** Reads a target as users write it: {@code host}, {@code host,1433}, {@code host:1433}, {@code host\INSTANCE}. */
final class Targets {

    private Targets() {
    }

    static SqlTarget parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.regionMatches(true, 0, "tcp:", 0, 4)) {
            t = t.substring(4);
        }
        String host = t;
        Integer port = null;
        String instance = null;
        int comma = t.lastIndexOf(',');
        if (comma >= 0) {
            host = t.substring(0, comma);
            port = port(text, t.substring(comma + 1));
        } else if (t.startsWith("[")) { // [IPv6]:port
            int close = t.indexOf(']');
            String rest = close < 0 ? "" : t.substring(close + 1);
            if (close < 0 || !(rest.isEmpty() || rest.startsWith(":"))) {
                throw bad(text, "write an IPv6 address as [address] or [address]:port");
            }
            host = t.substring(1, close);
            port = rest.isEmpty() ? null : port(text, rest.substring(1));
        } else if (t.indexOf(':') > 0 && t.indexOf(':') == t.lastIndexOf(':')) {
            host = t.substring(0, t.indexOf(':'));
            port = port(text, t.substring(t.indexOf(':') + 1));
        }
        int slash = host.indexOf('\\');
        if (slash >= 0) {
            instance = host.substring(slash + 1);
            host = host.substring(0, slash);
            if (instance.isBlank()) {
                throw bad(text, "the instance name after '\\' is empty");
            }
        }
        if (host.isBlank()) {
            throw bad(text, "the host name is empty");
        }
        if (!host.matches("[A-Za-z0-9._:%-]+")) {
            throw bad(text, "'" + host + "' is not a host name or IP address");
        }
        return new SqlTarget(host, port, instance);
    }

    private static Integer port(String text, String p) {
        try {
            int n = Integer.parseInt(p.strip());
            if (n < 1 || n > 65535) {
                throw bad(text, "port " + n + " is outside 1-65535");
            }
            return n;
        } catch (NumberFormatException e) {
            throw bad(text, "'" + p + "' is not a port number");
        }
    }

    private static MilinkException bad(String text, String why) {
        return new MilinkException(ErrorCode.USAGE, "Bad target '" + text + "': " + why
                + ". Write HOST, HOST,PORT, HOST:PORT or HOST\\INSTANCE.");
    }

    /** {@code host:port} or {@code host\instance} for messages. */
    static String describe(SqlTarget t) {
        String base = t.instanceName() == null ? t.host() : t.host() + "\\" + t.instanceName();
        return t.port() == null ? (t.instanceName() == null ? base + ":1433" : base) : t.host() + ":" + t.port();
    }
}
