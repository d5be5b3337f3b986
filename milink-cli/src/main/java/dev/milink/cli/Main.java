// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.cli.auth.AuthContext;
import dev.milink.core.catalog.CheckCatalog;
import dev.milink.core.error.ExitStatus;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The {@code milink} command line. {@link #main} is the only place that calls {@code System.exit}; everything
 * else, tests included, goes through {@link #run(PrintWriter, PrintWriter, String...)}.
 *
 * <pre>{@code
 * StringWriter out = new StringWriter(), err = new StringWriter();
 * int exit = Main.run(new PrintWriter(out), new PrintWriter(err), "checks", "list");
 * }</pre>
 *
 * @since 0.1
 */
@Command(name = "milink", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        resourceBundle = "dev.milink.cli.Messages", usageHelpAutoWidth = true, sortOptions = false)
public final class Main implements Callable<Integer>, AuthContext.Provider {


    private final Invocation invocation;

    private Main(Invocation invocation) {
        this.invocation = invocation;
    }

    public static void main(String[] args) {
        if (VersionText.asked(args)) { // the fast path: no picocli model, no milink module, JDK classes only
            for (String line : VersionText.lines()) {
                System.out.println(line);
            }
            return;
        }
        bindStringDecoding();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        System.exit(run(out, err, args));
    }

    /**
     * Runs {@code String}'s general decoding path once, before the JIT compiles {@code String(byte[], …, Charset)}.
     * C1 (the launcher's only compiler) compiles that constructor early, from the UTF-8 and Latin-1 calls of start-up;
     * if its {@code CharsetDecoder} branch has never run by then, the calls to the decoder's final methods are
     * compiled as inline caches, and once two decoder classes pass through them every call takes the JVM's
     * inline-cache-miss path. mssql-jdbc decodes every UTF-16LE column name and value there: 20 % of a 1,000-instance
     * fleet's client CPU in the runs where it happened (JDK 25, docs/benchmarks.md, "Fifth pass";
     * {@code StringDecodeJitBenchmark} shows it alone: 15 × slower per string).
     */
    public static void bindStringDecoding() {
        if (new String(new byte[] {'m', 0}, StandardCharsets.UTF_16LE).length() != 1) {
            throw new AssertionError("UTF-16LE");
        }
    }

    /** Runs milink in this process with the real environment and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Environment.system(), out, err, args);
    }

    /** Runs milink with the given environment (variables, console) and returns the exit code. */
    public static int run(Environment env, PrintWriter out, PrintWriter err, String... args) {
        return run(env, StandardCatalog.preload(args), out, err, args);
    }

    /**
     * Runs milink with the given environment and checks instead of the standard catalog (a test's check that
     * throws, a build with checks of its own) and returns the exit code.
     */
    public static int run(Environment env, CheckCatalog catalog, PrintWriter rawOut, PrintWriter rawErr,
                          String... args) {
        return run(env, () -> catalog, rawOut, rawErr, args);
    }

    private static int run(Environment env, Supplier<CheckCatalog> catalog, PrintWriter rawOut, PrintWriter rawErr,
                           String... args) {
        Logs.quiet();
        PrintWriter out = new SafePrintWriter(rawOut);
        PrintWriter err = new SafePrintWriter(rawErr);
        Invocation invocation = new Invocation(env, catalog, out, err, args);
        ErrorReporter errors = new ErrorReporter(invocation);
        CommandLine cl = commandLine(new Main(invocation), args)
                .setOut(out)
                .setErr(err)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(errors)
                .setParameterExceptionHandler(errors);
        Map<String, String> exitCodes = exitCodeList();
        withSubcommands(cl, c -> c.getCommandSpec().usageMessage().exitCodeListHeading("%nExit codes:%n")
                .exitCodeList(exitCodes));
        try {
            return cl.execute(args);
        } finally {
            invocation.close();
            out.flush();
            err.flush();
        }
    }

    /**
     * Parses {@code args} as {@code milink} would, running nothing: for tests that check the command lines in the
     * documentation's examples.
     *
     * @throws CommandLine.ParameterException what {@code milink} would report as a usage error
     */
    static CommandLine.ParseResult parseOnly(String... args) {
        Invocation invocation = new Invocation(Environment.of(Map.of()), CheckCatalog::standard,
                new PrintWriter(java.io.Writer.nullWriter()), new PrintWriter(java.io.Writer.nullWriter()), args);
        return commandLine(new Main(invocation), new String[0]).setCaseInsensitiveEnumValuesAllowed(true)
                .parseArgs(args);
    }

    /**
     * The command line of {@code main} with the command {@code args} name (its first argument, exactly as typed),
     * or with every command when they name none of them, ask for help or are a usage error: then help, "did you
     * mean" and the usage list see them all.
     */
    static CommandLine commandLine(Main main, String[] args) {
        CommandLine cl = new CommandLine(main);
        Class<?> named = args.length == 0 ? null : Commands.ALL.stream().filter(c -> {
            Command a = c.getAnnotation(Command.class);
            return a.name().equals(args[0]) || List.of(a.aliases()).contains(args[0]);
        }).findFirst().orElse(null);
        for (Class<?> c : named == null || named == HelpCommand.class ? Commands.ALL : List.of(named)) {
            cl.addSubcommand(c);
        }
        return cl;
    }

    /** The exit codes as {@code --help} lists them, from the one enum that defines them. */
    static Map<String, String> exitCodeList() {
        Map<String, String> list = new LinkedHashMap<>();
        for (ExitStatus s : ExitStatus.values()) {
            list.put(String.valueOf(s.code()), s.description());
        }
        return list;
    }

    private static void withSubcommands(CommandLine cl, java.util.function.Consumer<CommandLine> action) {
        action.accept(cl);
        cl.getSubcommands().values().forEach(sub -> withSubcommands(sub, action));
    }

    Invocation invocation() {
        return invocation;
    }

    /** The run's environment, prompt and secret masking, for commands outside this package (network test). */
    @Override
    public AuthContext authContext() {
        return invocation;
    }

    /** {@code milink} alone: the usage, on stderr, as a usage error. */
    @Override
    public Integer call() {
        CommandLine cl = commandLine(this, new String[0]);
        invocation.err().println("Error [USAGE]: Missing command.");
        cl.usage(invocation.err(), CommandLine.Help.Ansi.OFF);
        return ExitStatus.USAGE.code();
    }

    /**
     * Every command, in the order {@code --help} lists them. Registered by {@link #commandLine}, not by the
     * {@code @Command} annotation, so that a run of one command builds the picocli model of that command only
     * (building all of them was a sixth of a cold {@code milink check}'s CPU; docs/benchmarks.md). A class of its own
     * so that {@code --version}, answered before picocli, loads none of them.
     */
    static final class Commands {
        static final List<Class<?>> ALL = List.of(
                CheckCommand.class,
                FixCommand.class,
                ReportCommand.class,
                ChecksCommand.class,
                DemoCommand.class,
                CollectScriptCommand.class,
                SandboxCommand.class,
                dev.milink.cli.network.NetworkCommand.class,
                dev.milink.cli.link.LinkCommand.class,
                VersionCommand.class,
                HelpCommand.class);

        private Commands() {
        }
    }
}
