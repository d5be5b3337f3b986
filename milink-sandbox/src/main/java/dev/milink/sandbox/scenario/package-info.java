// SPDX-License-Identifier: Apache-2.0
/** Scenario documents describing one simulated instance, and the shipped scenarios; start with {@link dev.milink.sandbox.scenario.Scenarios}. */
package dev.milink.sandbox.scenario;
