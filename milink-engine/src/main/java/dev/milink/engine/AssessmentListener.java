// SPDX-License-Identifier: Apache-2.0
package dev.milink.engine;

/**
 * Told as each source of an assessment has been read (or has failed), from the collecting threads, so a caller
 * can show progress over a fleet. Must be thread-safe and quick; it must not throw.
 *
 * @since 0.2
 */
@FunctionalInterface
public interface AssessmentListener {

    /** Ignores everything. */
    AssessmentListener NONE = (label, ok, done, total) -> { };

    /**
     * @param label the source just finished
     * @param ok    whether its facts were read (false: it is a target failure)
     * @param done  how many sources are finished, this one included
     * @param total how many sources the assessment has
     */
    void finished(String label, boolean ok, int done, int total);
}
