// SPDX-License-Identifier: Apache-2.0
package dev.milink.sandbox.scenario;

/** A replica of an availability group. */
public final class Replica {
    public String server;
    public String replicaId;
    public String endpointUrl;
    public String role = "PRIMARY";
    public String availabilityMode = "SYNCHRONOUS_COMMIT";
    public String failoverMode = "MANUAL";
    public String seedingMode = "AUTOMATIC";
    public String connectedState = "CONNECTED";
    public String synchronizationHealth = "HEALTHY";
}
