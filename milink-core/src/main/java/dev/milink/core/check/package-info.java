// SPDX-License-Identifier: Apache-2.0
/** The check API: metadata, findings, remediation steps and the catalog. */
package dev.milink.core.check;
