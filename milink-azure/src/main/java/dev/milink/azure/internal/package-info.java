// SPDX-License-Identifier: Apache-2.0
/**
 * Not API: ARM wire records (exactly the fields milink reads) and their mapping to {@code core.model}, shared by
 * the live collector and the offline reader. Jackson stays in here.
 */
package dev.milink.azure.internal;
