// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a {@code Test-NetConnection} job step printed, as SQL Agent keeps it in {@code sysjobhistory.message}: either
 * Format-List output ({@code ComputerName :}, {@code RemoteAddress :}, {@code TcpTestSucceeded : True|False}) or,
 * with {@code -InformationLevel Quiet}, just {@code True}/{@code False} after Agent's "Executed as user: …." prefix.
 *
 * @param succeeded     TcpTestSucceeded, or null when the output holds no verdict (the step failed to run)
 * @param remoteAddress RemoteAddress when printed and not empty, else null
 * @param nameFailed    PowerShell said the name did not resolve (or printed an empty RemoteAddress on failure)
 */
record TncOutput(Boolean succeeded, String remoteAddress, boolean nameFailed) {

    private static final Pattern TCP = Pattern.compile("(?i)TcpTestSucceeded\\s*:\\s*(True|False)");
    private static final Pattern REMOTE = Pattern.compile("(?im)RemoteAddress\\s*:[ \\t]*([0-9A-Fa-f:.%]*)");
    private static final Pattern QUIET = Pattern.compile("(?i)(?:^|[\\s.])(True|False)(?=\\s|$|\\.)");
    private static final Pattern PREFIX = Pattern.compile("(?is)^\\s*Executed as user:.*?\\.\\s");

    static TncOutput parse(String message) {
        String m = message == null ? "" : message;
        String lower = m.toLowerCase(Locale.ROOT);
        boolean nameFailed = lower.contains("name resolution of") && lower.contains("failed");
        Matcher tcp = TCP.matcher(m);
        if (tcp.find()) {
            boolean ok = tcp.group(1).equalsIgnoreCase("true");
            Matcher r = REMOTE.matcher(m);
            boolean printed = r.find();
            String address = printed && !r.group(1).isEmpty() ? r.group(1) : null;
            return new TncOutput(ok, address, nameFailed || (!ok && printed && address == null));
        }
        Matcher prefix = PREFIX.matcher(m);
        String body = prefix.find() ? m.substring(prefix.end()) : m;
        Matcher q = QUIET.matcher(body);
        if (q.find()) {
            return new TncOutput(q.group(1).equalsIgnoreCase("true"), null, nameFailed);
        }
        return new TncOutput(null, null, nameFailed);
    }
}
