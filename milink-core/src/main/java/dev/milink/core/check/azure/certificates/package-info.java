// SPDX-License-Identifier: Apache-2.0
/** Certificates across the two ends of the link, matched by their DER bytes, never by name. */
package dev.milink.core.check.azure.certificates;
