// SPDX-License-Identifier: Apache-2.0
/**
 * Scenario documents describing one simulated instance, and the shipped scenarios; start with
 * {@link dev.milink.sandbox.scenario.Scenarios}. {@link dev.milink.sandbox.scenario.Scenario} is the document root;
 * each YAML section is a class of this package.
 */
package dev.milink.sandbox.scenario;
