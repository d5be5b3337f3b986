// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlError;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Executes one connection's SQL_BATCH and RPC messages against its {@link Session} and writes one reply message
 * per request message. Holds the connection's prepared-statement handles (sp_prepexec/sp_prepare/sp_execute).
 * Used by a single thread.
 */
final class RequestHandler {
    private static final System.Logger LOG = System.getLogger(RequestHandler.class.getName());
    private static final Pattern PARAM_NAME = Pattern.compile("(@[\\w@#$]+)\\s");
    private static final int SANDBOX_FAILURE = 50000;
    private static final int UNKNOWN_HANDLE = 8179;

    private final Session session;
    private final PacketWriter out;
    private final String serverName;
    private final RequestListener listener;
    private final long connectionId;
    private final Map<Integer, Prepared> handles = new HashMap<>();
    private int nextHandle = 1;

    /** A prepared statement: its text and the names from its parameter definitions. */
    private record Prepared(String sql, List<String> paramNames) {}

    RequestHandler(Session session, PacketWriter out, String serverName, RequestListener listener,
                   long connectionId) {
        this.session = session;
        this.out = out;
        this.serverName = serverName;
        this.listener = listener;
        this.connectionId = connectionId;
    }

    void batch(byte[] payload, int message, Cancellation cancellation) throws IOException {
        int skip = AllHeaders.length(payload);
        String sql = new String(payload, skip, payload.length - skip, StandardCharsets.UTF_16LE);
        listener.onRequest(RequestKind.BATCH, connectionId, message, null, sql);
        ReplySink sink = new ReplySink(out, serverName, cancellation);
        String before = session.database();
        guarded(sink, () -> session.executeBatch(sql, sink));
        String after = session.database();
        if (!after.equals(before)) {
            sink.databaseChanged(after, before);
        }
        sink.finish();
    }

    void rpc(byte[] payload, int message, Cancellation cancellation) throws IOException {
        ReplySink sink = new ReplySink(out, serverName, cancellation);
        List<RpcCall> calls;
        try {
            calls = RpcCall.parse(payload);
        } catch (ParamDecoder.UnsupportedTypeException e) {
            LOG.log(Level.DEBUG, "unsupported RPC parameter", e);
            listener.onRequest(RequestKind.RPC, connectionId, message, null, null);
            sink.error(new SqlError(SANDBOX_FAILURE, 1, 16, e.getMessage()));
            sink.finish();
            return;
        }
        for (int i = 0; i < calls.size() && !sink.cancelled(); i++) {
            RpcCall call = calls.get(i);
            sink.beginProc();
            Integer handle = call(call, message, sink);
            sink.endProc(handle, i == calls.size() - 1 || sink.cancelled());
        }
        sink.finish();
    }

    /** Runs one call; returns the prepared handle to send back, if the call created one. */
    private Integer call(RpcCall call, int message, ReplySink sink) {
        switch (call.procId()) {
            case RpcCall.SP_EXECUTESQL -> {
                String sql = (String) call.value(0);
                log(call, message, sql);
                String defs = call.params().size() > 1 ? (String) call.value(1) : null;
                execute(sql, names(defs), values(call, 2), sink);
                return null;
            }
            case RpcCall.SP_PREPEXEC, RpcCall.SP_PREPARE -> {
                String sql = (String) call.value(2);
                log(call, message, sql);
                int handle = nextHandle++;
                Prepared prepared = new Prepared(sql, names((String) call.value(1)));
                handles.put(handle, prepared);
                if (call.procId() == RpcCall.SP_PREPEXEC) {
                    execute(sql, prepared.paramNames(), values(call, 3), sink);
                }
                return handle;
            }
            case RpcCall.SP_EXECUTE -> {
                int handle = ((Number) call.value(0)).intValue();
                Prepared prepared = handles.get(handle);
                log(call, message, prepared == null ? null : prepared.sql());
                if (prepared == null) {
                    sink.error(new SqlError(UNKNOWN_HANDLE, 4, 16,
                            "Could not find prepared statement with handle " + handle + "."));
                } else {
                    execute(prepared.sql(), prepared.paramNames(), values(call, 1), sink);
                }
                return null;
            }
            case RpcCall.SP_UNPREPARE -> {
                log(call, message, null);
                handles.remove(((Number) call.value(0)).intValue());
                return null;
            }
            case 0 -> {
                String sql = execText(call);
                log(call, message, sql);
                execute(sql, generatedNames(call.params().size()), values(call, 0), sink);
                return null;
            }
            default -> {
                log(call, message, null);
                sink.error(new SqlError(SANDBOX_FAILURE, 1, 16,
                        "The sandbox does not implement RPC " + call.procedureName() + "."));
                return null;
            }
        }
    }

    private void execute(String sql, List<String> names, List<Object> values, ReplySink sink) {
        List<Session.Param> params = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            String name = i < names.size() ? names.get(i) : "@P" + i;
            params.add(new Session.Param(name, values.get(i)));
        }
        guarded(sink, () -> session.executeParameterized(sql, List.copyOf(params), sink));
    }

    /** An engine bug must not kill the connection: report it to the client as an error instead. */
    private void guarded(ReplySink sink, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox engine failed on a request", e);
            sink.error(new SqlError(SANDBOX_FAILURE, 1, 16, "The sandbox engine failed: " + e));
        }
    }

    private void log(RpcCall call, int message, String sql) {
        listener.onRequest(RequestKind.RPC, connectionId, message, call.procedureName(), sql);
    }

    /** {@code {call dbo.p(?, ?)}} arrives as an RPC by name; the engine sees it as EXEC with @P0, @P1 … */
    private static String execText(RpcCall call) {
        StringBuilder sb = new StringBuilder("EXEC ").append(call.name());
        for (int i = 0; i < call.params().size(); i++) {
            String name = call.params().get(i).name();
            sb.append(i == 0 ? " " : ", ");
            if (name != null && !name.isEmpty()) {
                sb.append(name).append(" = ");
            }
            sb.append("@P").append(i);
        }
        return sb.toString();
    }

    private static List<String> generatedNames(int count) {
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add("@P" + i);
        }
        return names;
    }

    /** Parameter names from definitions such as "@P0 int,@P1 decimal(10,2)". */
    private static List<String> names(String definitions) {
        List<String> names = new ArrayList<>();
        if (definitions != null) {
            Matcher m = PARAM_NAME.matcher(definitions + " ");
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static List<Object> values(RpcCall call, int from) {
        List<Object> values = new ArrayList<>();
        for (int i = from; i < call.params().size(); i++) {
            values.add(call.params().get(i).value());
        }
        return values;
    }
}
