// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

import dev.milink.core.assess.AssessmentReport;
import dev.milink.core.assess.Assessor;
import dev.milink.core.assess.Assessor.DatabaseSelection;
import dev.milink.core.assess.CheckConfig;
import dev.milink.core.assess.CollectionErrors;
import dev.milink.core.check.CheckContext;
import dev.milink.core.check.Evidence;
import dev.milink.core.check.Finding;
import dev.milink.core.check.Target;
import dev.milink.core.check.database.DatabaseOnlineCheck;
import dev.milink.core.error.CoreError;
import dev.milink.core.error.ExitStatus;
import dev.milink.core.error.MilinkException;
import dev.milink.core.model.DatabaseFacts;
import dev.milink.core.model.Facts;
import dev.milink.core.model.Input;
import dev.milink.core.model.LinkSettings;
import dev.milink.core.model.ManagedInstanceFacts;
import dev.milink.core.model.ServerFacts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
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
 * target, judge each with the catalog, apply the per-check configuration and put everything into one report.
 */
final class CheckRun {

    private static final System.Logger LOG = System.getLogger(CheckRun.class.getName());

    private CheckRun() {
    }

    /**
     * @throws MilinkException the first collection error when nothing at all could be collected (a target whose
     *                         values milink cannot interpret, or a bug, is an ERROR finding instead)
     */
    static Assessment run(Milink milink, AssessmentRequest request, CheckContext context) {
        List<Source> sources = request.sources();
        List<Object> collected = collectAll(sources, request.parallel(), request.listener());
        List<Assessment.TargetFailure> failures = new ArrayList<>();
        List<Assessment.CheckFailure> checkFailures = new CopyOnWriteArrayList<>();
        List<ServerFacts> servers = new ArrayList<>();
        List<String> serverLabels = new ArrayList<>();
        List<LinkSettings> settings = new ArrayList<>();
        List<String> assessed = new ArrayList<>();
        List<String> notes = new ArrayList<>(milink.notes());
        List<Finding> findings = new ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            String label = sources.get(i).label();
            if (collected.get(i) instanceof ServerFacts f) {
                servers.add(f);
                serverLabels.add(label);
                assessed.add(label);
                settings.add(request.linkFor(label));
            } else if (collected.get(i) instanceof MilinkException e && e.code().exitStatus() == ExitStatus.INTERNAL) {
                // milink could not interpret what the server returned (or hit a bug): an ERROR finding naming it
                findings.add(CollectionErrors.error(label, e.getMessage() + " [" + e.code().name() + "]"));
                if (e.code() == CoreError.INTERNAL && e.getCause() != null) {
                    // a collector threw: a bug, told like a check that throws (an odd value is in the report only)
                    checkFailures.add(new Assessment.CheckFailure(CollectionErrors.META.id(), Target.instance(label),
                            e.getCause()));
                }
                assessed.add(label);
            } else {
                MilinkException e = (MilinkException) collected.get(i);
                failures.add(new Assessment.TargetFailure(label, e));
                notes.add("Not assessed: " + label + ": " + e.getMessage() + " [" + e.code().name() + "]");
            }
        }
        if (servers.isEmpty() && findings.isEmpty() && !failures.isEmpty()) {
            throw failures.getFirst().error();
        }
        Map<ManagedInstanceSource, Input<ManagedInstanceFacts>> ends = readManagedInstances(
                serverLabels.stream().map(request::managedInstanceFor).flatMap(Optional::stream).toList());
        Assessor assessor = Assessor.of(milink.catalog()).onCheckFailure((check, target, error) ->
                checkFailures.add(new Assessment.CheckFailure(check.id(), target, error)));
        List<Facts> links = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            Input<ManagedInstanceFacts> mi = request.managedInstanceFor(serverLabels.get(i)).map(ends::get)
                    .orElse(Input.notGiven(Facts.NO_MANAGED_INSTANCE));
            Facts link = new Facts(servers.get(i), mi, request.network(), settings.get(i));
            links.add(link);
            findings.addAll(assessor.evaluate(link, context, DatabaseSelection.of(settings.get(i).databases())));
        }
        List<ServerFacts> shared = new ArrayList<>();
        for (int i = 0; i < servers.size(); i++) {
            if (settings.get(i) == request.link()) {
                shared.add(servers.get(i));
            } else { // a target with its own databases (an inventory row): named databases missing there
                findings.addAll(missingDatabases(List.of(servers.get(i)), settings.get(i).databases()));
            }
        }
        findings.addAll(missingDatabases(shared, request.link().databases()));
        // Per-check configuration last, so a suppression or severity override reaches every finding of the run.
        CheckConfig.Applied configured = milink.checks().apply(findings, milink.today());
        notes.addAll(configured.notes());
        // The header names the instances assessed; the others are in the notes, each with why.
        AssessmentReport report = new AssessmentReport(milink.toolVersion(), context.clock().instant(),
                request.link().direction(), assessed, configured.findings(), notes);
        return new Assessment(report, links, failures, checkFailures, request.failOn());
    }

    /**
     * Each distinct managed-instance end once (a fleet's rows may share one), all at the same time: ARM reads are
     * I/O-bound and the sources share one pipeline, which bounds the requests in flight.
     */
    private static Map<ManagedInstanceSource, Input<ManagedInstanceFacts>> readManagedInstances(
            List<ManagedInstanceSource> wanted) {
        Map<ManagedInstanceSource, Input<ManagedInstanceFacts>> out = new IdentityHashMap<>();
        Set<ManagedInstanceSource> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<ManagedInstanceSource> distinct = wanted.stream().filter(seen::add).toList();
        if (distinct.isEmpty()) {
            return out;
        }
        if (distinct.size() == 1) {
            out.put(distinct.getFirst(), read(distinct.getFirst()));
            return out;
        }
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            Map<ManagedInstanceSource, Future<Input<ManagedInstanceFacts>>> futures = new IdentityHashMap<>();
            distinct.forEach(s -> futures.put(s, pool.submit(() -> read(s))));
            for (ManagedInstanceSource s : distinct) {
                out.put(s, futures.get(s).get());
            }
            return out;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MilinkException(CoreError.INTERNAL, "Interrupted while reading the managed instances.", e);
        } catch (ExecutionException e) {
            throw new MilinkException(CoreError.INTERNAL, "Reading a managed instance failed unexpectedly.",
                    e.getCause());
        }
    }

    /** The MI end as the source reads it; a source that throws leaves it unreadable, with the message. */
    static Input<ManagedInstanceFacts> read(ManagedInstanceSource source) {
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
     * collector: it costs this target alone (an ERROR finding, exit 70 when nothing is worse), never the fleet.
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

    /**
     * A database named in the link's settings that exists on no target is a FAIL of MIL-D2 (the database must
     * exist and be online) on each target that could list its databases, naming the user databases found there.
     */
    private static List<Finding> missingDatabases(List<ServerFacts> facts, List<String> databases) {
        Set<String> present = facts.stream().flatMap(f -> f.databases().orElse(List.of()).stream())
                .map(DatabaseFacts::name).map(n -> n.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        List<Finding> out = new ArrayList<>();
        for (String name : databases) {
            if (present.contains(name.toLowerCase(Locale.ROOT))) {
                continue;
            }
            for (ServerFacts f : facts) {
                if (!f.databases().isKnown()) {
                    continue;
                }
                String known = f.databases().orElse(List.of()).stream().filter(d -> !d.isSystem())
                        .map(DatabaseFacts::name).sorted().collect(Collectors.joining(", "));
                out.add(Finding.of(DatabaseOnlineCheck.META, Target.database(f.target(), name)).fail("There is no"
                        + " database named '" + name + "' on " + f.target() + " (named with --database). User"
                        + " databases found: " + (known.isEmpty() ? "none" : known) + ".",
                        Evidence.of("no such database", "an ONLINE database of that name"), null));
            }
        }
        return out;
    }
}
