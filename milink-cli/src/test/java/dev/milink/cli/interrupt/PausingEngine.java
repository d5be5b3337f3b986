// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli.interrupt;

import dev.milink.sandbox.catalog.CatalogEngine;
import dev.milink.sandbox.engine.Faults;
import dev.milink.sandbox.engine.LoginRequest;
import dev.milink.sandbox.engine.ResultSink;
import dev.milink.sandbox.engine.Session;
import dev.milink.sandbox.engine.SqlEngine;
import dev.milink.sandbox.engine.SqlError;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A sandbox engine that, once, holds back its reply to the first batch matching a pattern: the batch has run (the
 * object exists on the server) but the client is still waiting. That is the moment between creating an object and
 * registering it for cleanup, where an interruption used to leave the object behind.
 */
final class PausingEngine implements SqlEngine {

    private final CatalogEngine delegate;
    private final Pattern pattern;
    final CountDownLatch reached = new CountDownLatch(1);
    final CountDownLatch release = new CountDownLatch(1);

    PausingEngine(CatalogEngine delegate, String regex) {
        this.delegate = delegate;
        this.pattern = Pattern.compile(regex, Pattern.CASE_INSENSITIVE);
    }

    @Override
    public Session openSession(LoginRequest login) throws SqlError {
        Session s = delegate.openSession(login);
        return new Session() {
            @Override
            public void executeBatch(String sql, ResultSink sink) {
                s.executeBatch(sql, sink);
                pauseAfter(sql);
            }

            @Override
            public void executeParameterized(String sql, List<Param> params, ResultSink sink) {
                s.executeParameterized(sql, params, sink);
                pauseAfter(sql);
            }

            @Override
            public String database() {
                return s.database();
            }

            @Override
            public String login() {
                return s.login();
            }

            @Override
            public void close() {
                s.close();
            }
        };
    }

    private void pauseAfter(String sql) {
        if (reached.getCount() > 0 && pattern.matcher(sql).find()) {
            reached.countDown();
            try {
                release.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public String productVersion() {
        return delegate.productVersion();
    }

    @Override
    public void bindFaults(Supplier<Faults> source) {
        delegate.bindFaults(source);
    }

    @Override
    public Faults initialFaults() {
        return delegate.initialFaults();
    }
}
