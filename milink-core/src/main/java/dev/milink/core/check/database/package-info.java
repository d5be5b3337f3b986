// SPDX-License-Identifier: Apache-2.0
/**
 * Database checks MIL-D1 … MIL-D23 (requirements baseline §1.4): one small final class per row, listed in
 * {@link dev.milink.core.check.database.DatabaseChecks#ALL}.
 *
 * <p>House rules shared by every check here:
 * <ul>
 *   <li><b>Unreadable facts.</b> A check reports UNKNOWN, with the collector's reason, when a fact it needs could
 *       not be read. An offline database is the common case: MIL-D2 fails, and every check that needs the
 *       database open says UNKNOWN and points at MIL-D2 (not SKIPPED: the requirement still applies once the
 *       database is back). Flags from {@code sys.databases} are readable for offline databases and are judged
 *       as usual.</li>
 *   <li><b>What the SQL Server cannot answer.</b> When a fact we read shows a managed-instance requirement is in
 *       play (an encrypted database, In-Memory OLTP), the check is UNKNOWN at its own severity, so the verdict
 *       stays INCOMPLETE until someone confirms it. Unconditional reminders about the managed instance (a name
 *       free on it, its TDE protector, features only an assessment tool sees) are UNKNOWN at WARNING: they would
 *       otherwise hold every verdict at INCOMPLETE whatever the database looks like.</li>
 *   <li><b>Fix steps milink may apply.</b> Only a T-SQL step can be appliable, and only when
 *       {@code Steps.unsafeToApply} finds no reason against it: the database is ONLINE, not in an availability
 *       group, known not to be mirrored and known not to be a log-shipping primary. Steps that can take a
 *       database away from its users or that undo a deliberate choice are never appliable: READ_WRITE (read-only
 *       is often by design), ENABLE_BROKER and ACCELERATED_DATABASE_RECOVERY (both need exclusive access),
 *       log backups (one taken during seeding breaks the link), file removal, bringing a database online.
 *       Option changes use {@code WITH NO_WAIT} where SQL Server accepts a termination clause: milink never
 *       rolls back or disconnects other sessions; the statement fails at once instead.</li>
 *   <li><b>Quoting.</b> Every name reaches T-SQL through {@link dev.milink.core.script.TSql}; names never appear
 *       in comments (a name may contain a line break); file names are made safe by {@code BackupFiles}.</li>
 * </ul>
 */
package dev.milink.core.check.database;
