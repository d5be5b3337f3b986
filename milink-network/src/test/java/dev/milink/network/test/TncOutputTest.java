// SPDX-License-Identifier: Apache-2.0
package dev.milink.network.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Parsing what SQL Agent keeps of a Test-NetConnection step. */
class TncOutputTest {

    @Test
    void formatListSuccess() {
        TncOutput t = TncOutput.parse("Executed as user: NT Service\\SQLSERVERAGENT. \n\nComputerName     : mi.x\n"
                + "RemoteAddress    : 10.0.0.4\nTcpTestSucceeded : True\n\n  Process Exit Code 0.  The step succeeded.");
        assertThat(t).isEqualTo(new TncOutput(true, "10.0.0.4", false));
    }

    @Test
    void formatListFailureWithAndWithoutAnAddress() {
        assertThat(TncOutput.parse("ComputerName : n\nRemoteAddress : 10.0.0.9\nTcpTestSucceeded : False"))
                .isEqualTo(new TncOutput(false, "10.0.0.9", false));
        assertThat(TncOutput.parse("ComputerName : n\nRemoteAddress    : \nTcpTestSucceeded : False"))
                .isEqualTo(new TncOutput(false, null, true));
        assertThat(TncOutput.parse("WARNING: Name resolution of nosuch.host failed\nTcpTestSucceeded : False"))
                .isEqualTo(new TncOutput(false, null, true));
    }

    @Test
    void quietOutputAfterAgentsPrefix() {
        assertThat(TncOutput.parse("Executed as user: NT Service\\SQLSERVERAGENT. True  Process Exit Code 0."
                + "  The step succeeded.")).isEqualTo(new TncOutput(true, null, false));
        assertThat(TncOutput.parse("Executed as user: CONTOSO\\svc. False  Process Exit Code 0.  The step succeeded."))
                .isEqualTo(new TncOutput(false, null, false));
    }

    @Test
    void noVerdictWhenTheStepDidNotRun() {
        assertThat(TncOutput.parse("Executed as user: X. The term 'Test-NetConnection' is not recognized."
                + "  Process Exit Code 1.  The step failed.").succeeded()).isNull();
        assertThat(TncOutput.parse(null).succeeded()).isNull();
    }
}
