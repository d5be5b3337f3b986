// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import dev.milink.sandbox.catalog.agent.DefaultStepRunner;
import dev.milink.sandbox.catalog.agent.StepRunner;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlEngine;
import dev.milink.sandbox.engine.SqlError;
import dev.milink.sandbox.scenario.Scenario;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * This is your starting point: a SQL Server instance simulated from a {@link Scenario}, answering T-SQL from
 * its catalog. The protocol layer calls {@link #openSession}; tests can also drive sessions directly.
 *
 * <pre>
 * CatalogEngine engine = CatalogEngine.create(Scenarios.load("unprepared-2019"));
 * try (Session s = engine.openSession(new LoginRequest("sa", "…", null, null, "test", "host"))) {
 *     s.executeBatch("SELECT name, recovery_model_desc FROM sys.databases", sink);
 * }
 * engine.state().scenario().database("SalesDB").recovery;   // what statements changed
 * </pre>
 *
 * <p>Memory stays small per instance: the scenario is copied on the first login, queries run in one H2
 * database shared by all instances (it holds only functions; rows come from each instance's state), and
 * {@link #close()} releases the state.
 *
 * @since 0.1
 */
public final class CatalogEngine implements SqlEngine, AutoCloseable {
    private final Scenario template;
    private final Map<Faults.StatementError, AtomicInteger> faultUses = new ConcurrentHashMap<>();
    private volatile Supplier<Faults> faults;
    private volatile StepRunner stepRunner;
    private volatile InstanceState state;
    private volatile dev.milink.sandbox.link.LinkSimulation link;

    private CatalogEngine(Scenario template) {
        this.template = template;
        Faults initial = template.toFaults();
        this.faults = () -> initial;
    }

    /** An engine for the scenario; nothing is allocated until the first login. */
    public static CatalogEngine create(Scenario scenario) {
        return new CatalogEngine(scenario);
    }

    @Override
    public String productVersion() {
        return template.server.productVersion;
    }

    /** The live state (created on first use); statements' effects show here. */
    public InstanceState state() {
        return ensureStarted();
    }

    /** Replaces the faults this engine injects into statements (e.g. from a test or the protocol layer). */
    public void setFaults(Faults f) {
        setFaults(() -> f);
    }

    @Override
    public Faults initialFaults() {
        return template.toFaults();
    }

    @Override
    public void bindFaults(Supplier<Faults> source) {
        setFaults(source);
    }

    public void setFaults(Supplier<Faults> supplier) {
        this.faults = supplier;
        faultUses.clear();
    }

    Faults faults() {
        Faults f = faults.get();
        return f == null ? Faults.NONE : f;
    }

    /** Counts one use of an injected error; false once its {@code times} are used up. */
    boolean consumeFault(Faults.StatementError f) {
        if (f.times() < 0) {
            return true;
        }
        return faultUses.computeIfAbsent(f, k -> new AtomicInteger()).incrementAndGet() <= f.times();
    }

    /**
     * Shares a link simulation with the Managed Instance end (the ARM stand-in): this instance's distributed
     * availability groups become one half of its links ({@code SandboxEstate} does this).
     */
    public void attachLink(dev.milink.sandbox.link.LinkSimulation shared) {
        this.link = shared;
        if (state != null) {
            state.attachLink(shared);
        }
    }

    /** Plugs in how Agent job steps run (default: TCP probes for Test-NetConnection, T-SQL through a session). */
    public void setStepRunner(StepRunner runner) {
        this.stepRunner = runner;
        if (state != null) {
            state.agent().runner(runner);
        }
    }

    @Override
    public Session openSession(LoginRequest request) throws SqlError {
        InstanceState st = ensureStarted();
        Scenario s = st.scenario();
        Scenario.Login login = authenticate(s, request);
        String database = request.database() == null || request.database().isBlank() ? login.defaultDatabase
                : request.database();
        Scenario.Database db = s.database(database);
        if (db == null || !db.online()) {
            throw new SqlError(4060, 1, 11, "Cannot open database \"" + database
                    + "\" requested by the login. The login failed.");
        }
        try {
            SessionContext ctx = SessionContext.register(st, login, st.nextSpid(), db.name, request.hostName(),
                    request.applicationName());
            return new CatalogSession(this, ctx, H2Database.shared().connect());
        } catch (SQLException e) {
            throw new SqlError(17809, 1, 20, "Could not connect because the sandbox database is unavailable.");
        }
    }

    private static Scenario.Login authenticate(Scenario s, LoginRequest request) throws SqlError {
        Scenario.Login login;
        if (request.accessToken() != null) {
            String name = s.entraTokens.get(request.accessToken());
            login = name == null ? null : s.login(name);
            if (login == null) {
                throw SqlError.loginFailed("<token-identified principal>");
            }
        } else {
            login = s.login(request.user());
            if (login == null || login.password == null || !login.password.equals(request.password())) {
                throw SqlError.loginFailed(request.user());
            }
        }
        if (login.disabled || !login.canLogin) {
            throw SqlError.loginFailed(login.name);
        }
        return login;
    }

    private InstanceState ensureStarted() {
        InstanceState st = state;
        if (st != null) {
            return st;
        }
        synchronized (this) {
            if (state == null) {
                InstanceState created = new InstanceState(template);
                created.agent().runner(stepRunner != null ? stepRunner : defaultRunner(created));
                if (link != null) {
                    created.attachLink(link);
                }
                state = created;
            }
            return state;
        }
    }

    private StepRunner defaultRunner(InstanceState st) {
        return new DefaultStepRunner(Duration.ofSeconds(2), (database, command) -> {
            try (Session s = new CatalogSession(this, SessionContext.register(st, st.scenario().login("sa"),
                    st.nextSpid(), database, "agent", "SQLAgent - TSQL JobStep"), H2Database.shared().connect())) {
                CollectingText out = new CollectingText();
                s.executeBatch(command, out);
                return new StepRunner.Result(!out.failed(), out.text());
            } catch (SQLException e) {
                return new StepRunner.Result(false, e.getMessage());
            }
        });
    }

    /** Releases the instance state; the next login starts again from the scenario. */
    @Override
    public synchronized void close() {
        state = null;
    }
}
