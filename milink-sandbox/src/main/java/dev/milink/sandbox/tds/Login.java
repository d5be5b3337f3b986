// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.tds;

import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlError;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;

/** LOGIN7 handling: authenticate through the engine and send SQL Server's login reply or its failure. */
final class Login {
    private static final System.Logger LOG = System.getLogger(Login.class.getName());
    private static final int MIN_PACKET_SIZE = 512;
    private static final String OLD_DATABASE = "master";
    private static final String LANGUAGE = "us_english";

    private Login() {}

    /** Returns the session, or null after telling the client why the login failed. */
    static Session perform(TdsMessage message, PacketWriter writer, TdsServer.Config config, long connectionId)
            throws IOException {
        Login7 login = Login7.parse(message.payload());
        String user = login.request().accessToken() != null ? "<access token>" : login.request().user();
        config.listener().onRequest(RequestKind.LOGIN, connectionId, 0, null, user);
        pause(config.faults().get().loginDelay());
        Session session;
        try {
            session = config.engine().openSession(login.request());
        } catch (SqlError e) {
            LOG.log(Level.DEBUG, () -> "login refused for " + login.request() + ": " + e.getMessage());
            fail(writer, config.serverName(), e);
            return null;
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "sandbox engine failed on a login", e);
            fail(writer, config.serverName(), new SqlError(18456, 1, 14,
                    "Login failed for user '" + login.request().user() + "'. (sandbox engine failure: " + e + ")"));
            return null;
        }
        int packetSize = login.packetSize() == 0 ? Tds.INITIAL_PACKET_SIZE
                : Math.clamp(login.packetSize(), MIN_PACKET_SIZE, Tds.MAX_PACKET_SIZE);
        writer.message(Tds.PKT_REPLY, reply(session.database(), config, login.fedAuthRequested(), packetSize));
        writer.packetSize(packetSize);
        return session;
    }

    /** The token order SQL Server uses; the collation ENVCHANGE is what string parameters need later. */
    private static ByteWriter reply(String database, TdsServer.Config config, boolean fedAuth, int packetSize) {
        String server = config.serverName();
        ByteWriter w = new ByteWriter(512);
        Tokens.envChange(w, Tokens.ENV_DATABASE, database, OLD_DATABASE);
        Tokens.message(w, Tds.TOKEN_INFO, 5701, 2, 0, "Changed database context to '" + database + "'.", server, 1);
        Tokens.collation(w);
        Tokens.envChange(w, Tokens.ENV_LANGUAGE, LANGUAGE, "");
        Tokens.message(w, Tds.TOKEN_INFO, 5703, 1, 0, "Changed language setting to " + LANGUAGE + ".", server, 1);
        Tokens.loginAck(w, config.version());
        if (fedAuth) {
            Tokens.fedAuthAck(w);
        }
        Tokens.envChange(w, Tokens.ENV_PACKET_SIZE, Integer.toString(packetSize),
                Integer.toString(Tds.INITIAL_PACKET_SIZE));
        Tokens.done(w, Tds.TOKEN_DONE, Tds.DONE_FINAL, 0, 0);
        return w;
    }

    private static void fail(PacketWriter writer, String server, SqlError e) throws IOException {
        ByteWriter w = new ByteWriter(256);
        Tokens.message(w, Tds.TOKEN_ERROR, e.number(), e.state(), e.severityClass(), e.getMessage(), server, e.line());
        Tokens.done(w, Tds.TOKEN_DONE, Tds.DONE_ERROR, 0, 0);
        writer.message(Tds.PKT_REPLY, w);
    }

    /** The injected login delay: a plain timed wait, the login cannot be cancelled. */
    private static void pause(Duration delay) {
        if (delay.isZero() || delay.isNegative()) {
            return;
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
