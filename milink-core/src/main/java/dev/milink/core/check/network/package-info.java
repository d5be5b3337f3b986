// SPDX-License-Identifier: Apache-2.0
/** Checks on the network between the link's ends, judged from {@code Facts.network()} (the live test's results). */
package dev.milink.core.check.network;
