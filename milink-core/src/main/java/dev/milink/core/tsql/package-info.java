// SPDX-License-Identifier: Apache-2.0
/** Safe construction of T-SQL text: identifier and literal quoting. */
package dev.milink.core.tsql;
