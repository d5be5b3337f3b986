// SPDX-License-Identifier: Apache-2.0
/** milink's error codes, exit statuses and its single user-facing exception. */
package dev.milink.core.error;
