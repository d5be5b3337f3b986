// SPDX-License-Identifier: Apache-2.0
/**
 * The explicit list of every check. It sits above {@code core.check} and its area packages so that the check API
 * does not depend on the checks that implement it (no package cycle).
 */
package dev.milink.core.catalog;
