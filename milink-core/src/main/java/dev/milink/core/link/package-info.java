// SPDX-License-Identifier: Apache-2.0
/**
 * The link itself as data: the create plan (certificate exchange, endpoint, AG, DAG, the ARM resource), the
 * guards that refuse unsafe steps (log-backup jobs during seeding, names taken on the managed instance, delete
 * before the first full backup), failover and delete plans, the link's observed state on both ends and the
 * explanation of its errors. Pure: no JDBC, no HTTP; the adapters read and apply.
 */
package dev.milink.core.link;
