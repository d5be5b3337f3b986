// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Assessor;
import dev.milink.core.assess.Assessor.DatabaseSelection;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Finding;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ServerFacts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * What {@link Milink#assess} does: read every source (at most {@code parallel} at a time), build one link per
 * target, judge each with the catalog, apply the finding rules and put everything into one report.
 */
final class CheckRun {

    private static final System.Logger LOG = System.getLogger(CheckRun.class.getName());

    private CheckRun() {
    }

    /**
     * @throws MilinkException the first collection error when nothing at all could be collected, or a usage
     *                         error when a named database exists on no target
     */
    static Assessment run(Milink milink, AssessmentRequest request, CheckContext context) {
        List<Source> sources = request.sources();
        List<Object> collected = collectAll(sources, request.parallel(), request.listener());
        List<Assessment.TargetFailure> failures = new ArrayList<>();
        List<ServerFacts> servers = new ArrayList<>();
        List<LinkSettings> settings = new ArrayList<>();
        List<String> assessed = new ArrayList<>();
        List<String> notes = new ArrayList<>(milink.notes());
        for (int i = 0; i < sources.size(); i++) {
            if (collected.get(i) instanceof ServerFacts f) {
                servers.add(f);
                assessed.add(sources.get(i).label());
                settings.add(request.linkFor(sources.get(i).label()));
            } else {
                MilinkException e = (MilinkException) collected.get(i);
                failures.add(new Assessment.TargetFailure(sources.get(i).label(), e));
                notes.add("Not assessed: " + sources.get(i).label() + ": " + e.getMessage() + " [" + e.code() + "]");
            }
        }
        if (servers.isEmpty() && !failures.isEmpty()) {
            throw failures.getFirst().error();
        }
        requireNamedDatabasesExist(servers, request.link().databases());
        Input<ManagedInstanceFacts> mi = request.managedInstance().map(CheckRun::read)
                .orElse(Input.notGiven(Facts.NO_MANAGED_INSTANCE));
        List<Assessment.CheckFailure> checkFailures = new CopyOnWriteArrayList<>();
        Assessor assessor = Assessor.of(milink.catalog()).onCheckFailure((check, target, error) ->
                checkFailures.add(new Assessment.CheckFailure(check.id(), target, error)));
        List<Facts> links = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            Facts link = new Facts(servers.get(i), mi, request.network(), settings.get(i));
            links.add(link);
            findings.addAll(milink.rules().apply(link, assessor.evaluate(link, context,
                    DatabaseSelection.of(settings.get(i).databases()))));
        }
        // The header names the instances assessed; the others are in the notes, each with why.
        AssessmentReport report = new AssessmentReport(milink.toolVersion(), context.clock().instant(),
                request.link().direction(), assessed, findings, notes);
        return new Assessment(report, links, failures, checkFailures, request.failOn());
    }

    /** The MI end as the source reads it; a source that throws leaves it unreadable, with the message. */
    private static Input<ManagedInstanceFacts> read(ManagedInstanceSource source) {
        try {
            return source.read();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "reading the managed instance failed", e);
            return Input.unreadable("The managed instance could not be read: " + e.getMessage());
        }
    }

    /**
     * Collection is I/O-bound (network round trips), so each target gets a virtual thread and a semaphore bounds
     * how many servers are queried at once. Results keep the order of the targets.
     */
    private static List<Object> collectAll(List<Source> sources, int parallel, AssessmentListener listener) {
        AtomicInteger done = new AtomicInteger();
        if (sources.size() == 1) {
            return List.of(collectOne(sources.getFirst(), listener, done, 1));
        }
        Semaphore permits = new Semaphore(Math.max(1, parallel));
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = new ArrayList<>();
            for (Source s : sources) {
                futures.add(pool.submit(() -> {
                    permits.acquire();
                    try {
                        return collectOne(s, listener, done, sources.size());
                    } finally {
                        permits.release();
                    }
                }));
            }
            List<Object> out = new ArrayList<>();
            for (Future<Object> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilinkException(CoreError.INTERNAL, "Interrupted while collecting.", e);
        } catch (ExecutionException e) {
            throw new MilinkException(CoreError.INTERNAL, "Collection failed unexpectedly.", e.getCause());
        }
    }

    /**
     * The facts, or the MilinkException that explains why there are none. Any other exception is a bug in a
     * collector: it costs this target alone (an INTERNAL failure, exit 70 when nothing is worse), never the fleet.
     */
    private static Object collectOne(Source s, AssessmentListener listener, AtomicInteger done, int total) {
        Object result = collectOne(s);
        try {
            listener.finished(s.label(), !(result instanceof MilinkException), done.incrementAndGet(), total);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the assessment listener failed", e);
        }
        return result;
    }

    private static Object collectOne(Source s) {
        try {
            return SourceReader.collect(s);
        } catch (MilinkException e) {
            return e;
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "collecting " + s.label() + " failed", e);
            return new MilinkException(CoreError.INTERNAL, "Unexpected " + e.getClass().getName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + " while collecting " + s.label()
                    + " (a bug in milink; please report it)", e);
        }
    }

    private static void requireNamedDatabasesExist(List<ServerFacts> facts, List<String> databases) {
        if (databases.isEmpty()) {
            return;
        }
        Set<String> present = facts.stream().flatMap(f -> f.databases().orElse(List.of()).stream())
                .map(DatabaseFacts::name).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        boolean listed = facts.stream().anyMatch(f -> f.databases().isKnown());
        List<String> missing = databases.stream().filter(d -> !present.contains(d.toLowerCase(Locale.ROOT))).toList();
        if (listed && !missing.isEmpty()) {
            String known = facts.stream().flatMap(f -> f.databases().orElse(List.of()).stream())
                    .filter(d -> !d.isSystem()).map(DatabaseFacts::name).distinct().sorted()
                    .collect(Collectors.joining(", "));
            throw new MilinkException(CoreError.USAGE, "No database named " + String.join(", ", missing)
                    + " on the target" + (facts.size() > 1 ? "s" : "") + ". User databases found: "
                    + (known.isEmpty() ? "none" : known) + ".");
        }
    }
}
