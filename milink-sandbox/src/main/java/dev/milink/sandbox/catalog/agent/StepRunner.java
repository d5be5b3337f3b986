// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.catalog.agent;

/**
 * Runs one Agent job step. The default ({@link DefaultStepRunner}) interprets PowerShell
 * {@code Test-NetConnection} steps with a real TCP connect and T-SQL steps through the statement layer; tests
 * can plug in their own with {@code CatalogEngine.setStepRunner}.
 */
@FunctionalInterface
public interface StepRunner {

    /** Runs the step and reports its message and outcome. */
    Result run(AgentJob job, AgentJob.Step step);

    /** What a step produced: success flag and the message sysjobhistory / sysjobstepslogs keep. */
    record Result(boolean succeeded, String message) {}
}
