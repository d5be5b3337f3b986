// SPDX-License-Identifier: Apache-2.0
/**
 * Renders an {@link dev.milink.core.assess.AssessmentReport} in the formats users pick with {@code --output}.
 * Start at {@link dev.milink.report.ReportRenderers#byName(String)}.
 */
package dev.milink.report;
