// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.arm;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Every request the stand-in answered, in order: method, path, query, status and, for writes, the body the client
 * sent. Tests count round trips ({@code count("GET", "/managedInstances/contoso-mi$")}) and check what was written.
 * Token requests are logged with their path only: their form body holds the client secret.
 *
 * @since 0.1.0
 */
public final class ArmRequestLog {
    private final List<Entry> entries = new ArrayList<>();

    ArmRequestLog() {}

    /**
     * One answered request.
     *
     * @param method HTTP method
     * @param path request path, decoded
     * @param query raw query string, or empty
     * @param status the status answered
     * @param body the request body for PUT/PATCH/POST to ARM routes, else empty
     */
    public record Entry(String method, String path, String query, int status, String body) {
        @Override
        public String toString() { return method + " " + path + " -> " + status; }
    }

    synchronized void add(Entry e) { entries.add(e); }

    public synchronized List<Entry> entries() { return List.copyOf(entries); }

    /** Requests whose method equals {@code method} ({@code *} = any) and whose path contains a match of the regex. */
    public synchronized List<Entry> find(String method, String pathRegex) {
        Pattern p = Pattern.compile(pathRegex, Pattern.CASE_INSENSITIVE);
        List<Entry> out = new ArrayList<>();
        for (Entry e : entries) {
            if (("*".equals(method) || e.method.equalsIgnoreCase(method)) && p.matcher(e.path).find()) {
                out.add(e);
            }
        }
        return out;
    }

    public int count(String method, String pathRegex) { return find(method, pathRegex).size(); }

    public synchronized int size() { return entries.size(); }

    public synchronized void clear() { entries.clear(); }
}
