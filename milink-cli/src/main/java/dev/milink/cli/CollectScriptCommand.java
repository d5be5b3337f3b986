// SPDX-License-Identifier: Apache-2.0
package dev.milink.cli;

import dev.milink.core.error.ErrorCode;
import dev.milink.core.error.MilinkException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code milink collect-script}. */
@Command(name = "collect-script")
final class CollectScriptCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    VerbosityOptions verbosity;

    @Override
    public Integer call() {
        throw new MilinkException(ErrorCode.INTERNAL, "'milink collect-script' is not wired into this build yet.");
    }
}
