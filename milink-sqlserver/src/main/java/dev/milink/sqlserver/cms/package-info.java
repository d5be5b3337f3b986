// SPDX-License-Identifier: Apache-2.0
/** Reading a SQL Server Central Management Server's registered servers (the fleet DBAs already keep). */
package dev.milink.sqlserver.cms;
