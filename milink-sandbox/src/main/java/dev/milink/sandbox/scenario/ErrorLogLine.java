// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A line of the current error log (xp_readerrorlog). */
public final class ErrorLogLine {
    public String date;
    public String process = "Server";
    public String text;
}
