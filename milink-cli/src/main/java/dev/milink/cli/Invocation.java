// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.auth.AuthContext;
import dev.milink.core.assess.CheckConfig;
import dev.milink.core.buildref.BuildReference;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.engine.Milink;
import dev.milink.engine.fix.FixTerminal;
import dev.milink.core.secret.Secret;
import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import picocli.CommandLine.Model.CommandSpec;

/**
 * One run of the CLI: its streams, its environment and what the error reporter must know (verbose, JSON wanted,
 * secrets to mask). It is also the terminal {@code fix} talks to (prompts, confirmations, progress). Commands in this package reach it through {@link #of(CommandSpec)}; commands in any package
 * reach its sign-in part through {@link AuthContext#of(CommandSpec)}.
 */
final class Invocation implements AuthContext, FixTerminal {

    private final Environment env;
    private final Supplier<CheckCatalog> catalog;
    private final PrintWriter out;
    private final PrintWriter err;
    private final List<String> secrets = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> closeAtEnd = new CopyOnWriteArrayList<>();
    private volatile boolean verbose;
    private volatile boolean json;

    Invocation(Environment env, Supplier<CheckCatalog> catalog, PrintWriter out, PrintWriter err, String[] args) {
        this.env = env;
        this.catalog = catalog;
        this.out = out;
        this.err = err;
        prescan(args);
    }

    /** The library for this run: its catalog, the given build reference data and per-check configuration. */
    Milink milink(BuildReference builds, CheckConfig checks) {
        return Milink.configure().catalog(catalog.get()).buildReference(builds).checks(checks)
                .toolVersion(Versions.milink()).load();
    }

    /** Closed when the run ends, whatever happens (a log file handler). */
    void closeAtEnd(AutoCloseable c) {
        closeAtEnd.add(c);
    }

    void close() {
        for (AutoCloseable c : closeAtEnd) {
            try {
                c.close();
            } catch (Exception e) {
                warn("could not close " + c + ": " + e.getMessage());
            }
        }
        closeAtEnd.clear();
    }

    /** The invocation of the command {@code spec} belongs to. */
    static Invocation of(CommandSpec spec) {
        return ((Main) spec.root().userObject()).invocation();
    }

    /**
     * Errors can happen before picocli has bound any option (a bad option), so the few flags that shape error
     * output are read from the raw arguments too.
     */
    private void prescan(String[] args) {
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            switch (a) {
                case "--verbose", "-v", "--debug" -> verbose = true;
                case "--output", "-o" -> json |= i + 1 < args.length && args[i + 1].equalsIgnoreCase("json");
                default -> json |= a.equalsIgnoreCase("--output=json") || a.equalsIgnoreCase("-ojson")
                        || a.equalsIgnoreCase("-o=json");
            }
        }
    }

    Environment env() {
        return env;
    }

    @Override
    public PrintWriter out() {
        return out;
    }

    @Override
    public PrintWriter err() {
        return err;
    }

    boolean verbose() {
        return verbose;
    }

    void verbose(boolean on) {
        verbose |= on;
    }

    boolean json() {
        return json;
    }

    void json(boolean on) {
        json = on;
    }

    @Override
    public Optional<String> env(String name) {
        return env.get(name);
    }

    @Override
    public boolean interactive() {
        return env.interactive();
    }

    /** The same rule as the fleet's progress bar ({@link ProgressBar#wanted}): a terminal, not CI. */
    @Override
    public boolean showsProgress() {
        return ProgressBar.wanted(env);
    }

    @Override
    public String readLine(String prompt) {
        out.flush();
        return env.console().readLine("%s", prompt);
    }

    @Override
    public char[] readPassword(String prompt) {
        out.flush();
        return env.console().readPassword("%s", prompt);
    }

    /** Remembers a secret so that no error text can show it, whatever a driver put in its message. */
    @Override
    public Secret remember(Secret secret) {
        if (secret != null && secret.length() >= 4) {
            secrets.add(secret.reveal());
        }
        return secret;
    }

    /** {@code text} with every remembered secret replaced by {@code ****}. */
    String mask(String text) {
        String masked = text;
        for (String s : secrets) {
            masked = masked.replace(s, "****");
        }
        return masked;
    }

    /** Prints a warning line to stderr. */
    @Override
    public void warn(String message) {
        err.println("Warning: " + mask(message));
        err.flush();
    }
}
