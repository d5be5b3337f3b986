// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base for tests that change instance state: each test gets a fresh {@code unprepared-2019} sandbox. */
abstract class FreshSandboxTest {
    protected Sandbox sb;

    @BeforeEach
    void openSandbox() {
        sb = Sandbox.of("unprepared-2019");
    }

    @AfterEach
    void closeSandbox() {
        sb.close();
    }
}
