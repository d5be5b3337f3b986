// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.milink.core.error.ExitStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * When the control probe runs. Whether 203.0.113.1 answers depends on the machine's path (on a host behind a
 * transparent proxy it does), so only the decisions that do not depend on it are asserted here.
 */
class ControlProbeTest {

    private static ProbeResult result(String host, ProbeOutcome o) {
        return new ProbeResult(new ProbeTarget(host, 5022), o, host, Duration.ofMillis(1), "");
    }

    @Test
    void loopbackResultsNeedNoControl() {
        assertThat(ControlProbe.check(List.of(result("127.0.0.1", ProbeOutcome.OPEN),
                result("::1", ProbeOutcome.OPEN)), Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void withoutAnOpenResultThereIsNothingToControl() {
        assertThat(ControlProbe.check(List.of(result("10.0.0.4", ProbeOutcome.FILTERED),
                result("10.0.0.5", ProbeOutcome.REFUSED)), Duration.ofMillis(200))).isEmpty();
    }

    @Test
    void theControlAddressIsADocumentationAddress() {
        assertThat(ControlProbe.ADDRESS).startsWith("203.0.113."); // RFC 5737 TEST-NET-3
    }

    @Test
    void onlyOpenNonLoopbackResultsNeedAControl() {
        assertThat(ControlProbe.needsControl(result("10.0.0.4", ProbeOutcome.OPEN))).isTrue();
        assertThat(ControlProbe.needsControl(result("127.0.0.1", ProbeOutcome.OPEN))).isFalse();
        assertThat(ControlProbe.needsControl(result("10.0.0.4", ProbeOutcome.REFUSED))).isFalse();
    }

    @Test
    void aRunIsNotReadyWhenATargetDidNotConnectAndIncompleteWhenTheOpenOnesCannotBeTrusted() {
        List<ProbeResult> open = List.of(result("10.0.0.4", ProbeOutcome.OPEN), result("10.0.0.5", ProbeOutcome.OPEN));
        List<ProbeResult> mixed = List.of(result("10.0.0.4", ProbeOutcome.OPEN),
                result("10.0.0.5", ProbeOutcome.FILTERED));
        assertThat(ProbeResult.verdict(open, true).exitStatus()).isEqualTo(ExitStatus.READY);
        assertThat(ProbeResult.verdict(open, false).exitStatus()).isEqualTo(ExitStatus.INCOMPLETE);
        assertThat(ProbeResult.verdict(mixed, true).exitStatus()).isEqualTo(ExitStatus.NOT_READY);
        assertThat(ProbeResult.verdict(mixed, false).exitStatus().code()).isEqualTo(1);
    }
}
