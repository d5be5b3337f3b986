// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Column;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.SqlError;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/**
 * Turns engine outcomes into the tokens of one reply message and streams them. Each statement's DONE is held back
 * until the next outcome arrives, because only then is it known whether DONE_MORE must be set. Inside an RPC the
 * statement DONEs are DONEINPROC and the call ends with RETURNSTATUS [RETURNVALUE] DONEPROC.
 */
final class ReplySink implements ResultSink {
    private static final int FLUSH_THRESHOLD = 16 * 1024;
    private static final int CHANGED_DATABASE = 5701;
    private static final int ENCODING_FAILURE = 50000;

    private final PacketWriter out;
    private final String serverName;
    private final Cancellation cancellation;
    private final ByteWriter buf = new ByteWriter(FLUSH_THRESHOLD + 1024);
    private boolean inProc;
    private boolean pending;
    private int pendingStatus;
    private int pendingCmd;
    private long pendingCount;
    private boolean procError;
    private boolean endsWithDone;
    private IOException failure;

    ReplySink(PacketWriter out, String serverName, Cancellation cancellation) {
        this.out = out;
        this.serverName = serverName;
        this.cancellation = cancellation;
        out.begin(Tds.PKT_REPLY);
    }

    /**
     * Encoded whole before anything is sent, so a value that does not fit its column becomes an ERROR for the
     * client instead of a half-written row.
     */
    @Override
    public void resultSet(List<Column> columns, List<Object[]> rows) {
        ByteWriter encoded = new ByteWriter(1024);
        try {
            Tokens.colMetadata(encoded, columns);
            for (Object[] row : rows) {
                Tokens.row(encoded, columns, row);
            }
        } catch (IllegalArgumentException e) {
            error(new SqlError(ENCODING_FAILURE, 1, 16, "The sandbox cannot send this result set: " + e.getMessage()));
            return;
        }
        settlePending();
        endsWithDone = false;
        drain();
        write(encoded);
        hold(Tds.DONE_COUNT, Tds.CMD_SELECT, rows.size());
    }

    @Override
    public void rowCount(StatementKind kind, long count) {
        settlePending();
        int cmd = switch (kind) {
            case SELECT -> Tds.CMD_SELECT;
            case INSERT -> Tds.CMD_INSERT;
            case UPDATE -> Tds.CMD_UPDATE;
            case DELETE -> Tds.CMD_DELETE;
            case OTHER -> Tds.CMD_MERGE; // a command code the driver accepts a row count with
        };
        hold(Tds.DONE_COUNT, cmd, count);
    }

    @Override
    public void done() {
        settlePending();
        hold(Tds.DONE_FINAL, 0, 0);
    }

    /** INFO goes out at once (a partial packet), so progress messages reach the client while the request runs. */
    @Override
    public void info(int number, int state, int severityClass, String message) {
        settlePending();
        endsWithDone = false;
        Tokens.message(buf, Tds.TOKEN_INFO, number, state, severityClass, message, serverName, 1);
        drain();
        if (failure == null) {
            try {
                out.flushPartial();
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void error(SqlError error) {
        settlePending();
        endsWithDone = false;
        Tokens.message(buf, Tds.TOKEN_ERROR, error.number(), error.state(), error.severityClass(),
                error.getMessage(), serverName, error.line());
        procError = true;
        hold(Tds.DONE_ERROR, 0, 0);
    }

    /** Also true once the client is gone, so the engine stops producing output nobody reads. */
    @Override
    public boolean cancelled() { return cancellation.isCancelled() || failure != null; }

    @Override
    public boolean awaitCancelled(Duration timeout) throws InterruptedException {
        return failure != null || cancellation.await(timeout);
    }

    /** ENVCHANGE(database) + INFO 5701, placed before the DONE of the statement that changed it. */
    void databaseChanged(String newDatabase, String oldDatabase) {
        endsWithDone = false;
        Tokens.envChange(buf, Tokens.ENV_DATABASE, newDatabase, oldDatabase);
        Tokens.message(buf, Tds.TOKEN_INFO, CHANGED_DATABASE, 1, 0,
                "Changed database context to '" + newDatabase + "'.", serverName, 1);
    }

    /** Starts an RPC call inside this message: statement DONEs become DONEINPROC. */
    void beginProc() {
        inProc = true;
        procError = false;
    }

    /**
     * Ends the current RPC call. After an error the call ends with DONEPROC(ERROR) and no return status, as the
     * driver expects; otherwise RETURNSTATUS 0, then the prepared handle (if any), then DONEPROC.
     *
     * @param handle prepared-statement handle to return as output parameter 0, or null
     */
    void endProc(Integer handle, boolean last) {
        int more = last ? 0 : Tds.DONE_MORE;
        if (procError) {
            if (pending && (pendingStatus & Tds.DONE_ERROR) == 0) {
                settlePending();
            }
            pending = false;
            Tokens.done(buf, Tds.TOKEN_DONEPROC, Tds.DONE_ERROR | more, Tds.CMD_EXECUTE, 0);
        } else {
            settlePending();
            Tokens.returnStatus(buf, 0);
            if (handle != null) {
                Tokens.returnInt(buf, 0, handle);
            }
            Tokens.done(buf, Tds.TOKEN_DONEPROC, more, Tds.CMD_EXECUTE, 0);
        }
        endsWithDone = true;
        inProc = false;
        maybeDrain();
    }

    /**
     * Ends the message: the last DONE loses DONE_MORE. An ATTENTION that arrived while the request ran is
     * acknowledged by a DONE(ATTN) in a message of its own, as SQL Server does: the driver decides whether to
     * read that extra message when it sees the reply's last packet, before it parses any token of it.
     */
    void finish() throws IOException {
        boolean attention = cancellation.endReply();
        if (pending) {
            writePending(0);
        } else if (!endsWithDone) {
            Tokens.done(buf, Tds.TOKEN_DONE, Tds.DONE_FINAL, 0, 0);
        }
        drain();
        if (failure != null) {
            throw failure;
        }
        out.end();
        if (attention) {
            sendAttentionAck(out);
        }
    }

    /** A reply message holding only DONE(ATTN). */
    static void sendAttentionAck(PacketWriter out) throws IOException {
        ByteWriter ack = new ByteWriter(16);
        Tokens.done(ack, Tds.TOKEN_DONE, Tds.DONE_ATTN, 0, 0);
        out.message(Tds.PKT_REPLY, ack);
    }

    private void hold(int status, int cmd, long count) {
        pending = true;
        pendingStatus = status;
        pendingCmd = cmd;
        pendingCount = count;
        maybeDrain();
    }

    private void settlePending() {
        if (pending) {
            writePending(Tds.DONE_MORE);
        }
    }

    private void writePending(int more) {
        int token = inProc ? Tds.TOKEN_DONEINPROC : Tds.TOKEN_DONE;
        int status = pendingStatus | (inProc ? Tds.DONE_MORE : more);
        Tokens.done(buf, token, status, pendingCmd, pendingCount);
        pending = false;
        endsWithDone = true;
    }

    private void maybeDrain() {
        if (buf.size() >= FLUSH_THRESHOLD) {
            drain();
        }
    }

    private void drain() {
        write(buf);
        buf.reset();
    }

    /** Remembers the first write failure instead of throwing it through the engine; {@link #finish} reports it. */
    private void write(ByteWriter bytes) {
        if (bytes.size() > 0 && failure == null) {
            try {
                out.write(bytes);
            } catch (IOException e) {
                failure = e;
            }
        }
    }
}
