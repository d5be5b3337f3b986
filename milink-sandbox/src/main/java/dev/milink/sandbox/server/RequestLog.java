// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.server;

import dev.milink.sandbox.tds.RequestKind;
import dev.milink.sandbox.tds.RequestListener;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Every request one sandbox instance received, in arrival order, for assertions such as "the collector needed
 * three round trips". Keeps the latest {@value #CAPACITY} entries.
 *
 * <pre>{@code
 * long mark = instance.requestLog().mark();
 * collector.collect(connection);
 * assertThat(instance.requestLog().roundTripsSince(mark)).isEqualTo(3);
 * assertThat(instance.requestLog().since(mark)).extracting(Request::normalizedSql).contains("SELECT 1");
 * }</pre>
 *
 * @since 0.1.0
 */
public final class RequestLog implements RequestListener {
    static final int CAPACITY = 10_000;
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private final ArrayDeque<Request> entries = new ArrayDeque<>();
    private long sequence;

    /**
     * One request.
     *
     * @param sequence      position in this log (what {@link #mark()} refers to)
     * @param message       the TDS message on its connection; RPC calls sent in one message share it
     * @param procedure     RPC procedure name (sp_executesql, sp_prepexec, sp_execute, dbo.p …), else null
     * @param sql           SQL text as sent (for sp_execute, the text prepared earlier); the login name for LOGIN
     */
    public record Request(long sequence, RequestKind kind, Instant at, long connectionId, int message,
                          String procedure, String sql) {

        /**
         * {@code sql} with runs of whitespace collapsed to one space and trimmed. Computed when asked: every
         * request of every instance is logged, and only assertions read this.
         */
        public String normalizedSql() {
            return sql == null ? null : WHITESPACE.matcher(sql).replaceAll(" ").trim();
        }
    }

    @Override
    public void onRequest(RequestKind kind, long connectionId, int message, String procedure, String text) {
        synchronized (entries) {
            entries.addLast(new Request(sequence++, kind, Instant.now(), connectionId, message, procedure, text));
            if (entries.size() > CAPACITY) {
                entries.removeFirst();
            }
        }
    }

    /** All recorded requests, oldest first. */
    public List<Request> requests() { return select(r -> true); }

    /** Requests of one kind, oldest first. */
    public List<Request> requests(RequestKind kind) { return select(r -> r.kind() == kind); }

    /** A position to pass to {@link #since(long)}; unaffected by {@link #clear()}. */
    public long mark() {
        synchronized (entries) {
            return sequence;
        }
    }

    /** Requests recorded at or after {@code mark}. */
    public List<Request> since(long mark) { return select(r -> r.sequence() >= mark); }

    /**
     * Client round trips since {@code mark}: SQL_BATCH and RPC messages (several RPC calls in one message count
     * once) and transaction-manager requests; logins and attentions are not counted.
     */
    public long roundTripsSince(long mark) {
        return since(mark).stream()
                .filter(r -> r.kind() != RequestKind.LOGIN && r.kind() != RequestKind.ATTENTION)
                .map(r -> new MessageKey(r.connectionId(), r.message()))
                .distinct()
                .count();
    }

    /** Round trips over the whole log; see {@link #roundTripsSince(long)}. */
    public long roundTrips() { return roundTripsSince(0); }

    public void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }

    private List<Request> select(Predicate<Request> filter) {
        synchronized (entries) {
            return entries.stream().filter(filter).toList();
        }
    }

    private record MessageKey(long connectionId, int message) {}
}
