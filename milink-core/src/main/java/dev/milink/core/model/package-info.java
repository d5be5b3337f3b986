// SPDX-License-Identifier: Apache-2.0
/** Immutable facts about the outside world, free of JDBC, HTTP and Jackson types. */
package dev.milink.core.model;
