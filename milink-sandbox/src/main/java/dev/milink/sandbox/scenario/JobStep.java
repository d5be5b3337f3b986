// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A job step. */
public final class JobStep {
    public String name;
    public String subsystem = "TSQL";
    public String command;
    public String database = "master";
    public int onSuccessAction = 1;
    public int onFailAction = 2;
    public int flags;
}
