// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.catalog.CheckCatalog;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * The standard check catalog, loaded on a second thread while the main one parses the command line and connects:
 * loading it (the bundled build reference data, about 200 check classes) is a good part of a cold
 * {@code milink check} (docs/benchmarks.md, start-up). Only commands that judge servers start the load; the others
 * never pay for it.
 */
final class StandardCatalog {

    /** The commands that use the catalog; every other command leaves it unloaded. */
    private static final Set<String> USERS = Set.of("check", "fix", "demo", "checks", "link");

    private StandardCatalog() {
    }

    /** The standard catalog, its load already started when {@code args} name a command that uses it. */
    static Supplier<CheckCatalog> preload(String[] args) {
        FutureTask<CheckCatalog> load = new FutureTask<>(CheckCatalog::standard);
        if (args.length > 0 && USERS.contains(args[0])) {
            Thread.ofPlatform().daemon().name("milink-catalog").start(load);
        }
        return () -> {
            load.run(); // does nothing if the preload thread has begun: then get() waits for it
            try {
                return load.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the check catalog", e);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error err) {
                    throw err;
                }
                throw new IllegalStateException(e.getCause());
            }
        };
    }
}
