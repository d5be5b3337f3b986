// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/**
 * An Agent job schedule with {@code sp_add_schedule}'s frequency values; the default runs every 15 minutes
 * (freq_type 4 daily, freq_interval 1, freq_subday_type 4 minutes, freq_subday_interval 15).
 */
public final class JobSchedule {
    public String name;
    public boolean enabled = true;
    public int freqType = 4;
    public int freqInterval = 1;
    public int freqSubdayType = 4;
    public int freqSubdayInterval = 15;
    /** HHMMSS. */
    public int activeStartTime;
}
