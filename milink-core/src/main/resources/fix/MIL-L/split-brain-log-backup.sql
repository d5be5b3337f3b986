-- Split brain: the safety backup of {{database:tsql-string}} on SQL Server, taken before SQL Server becomes the
-- secondary of the link {{dag:tsql-string}} and its transactions after the forced failover are rolled back.
-- A regular log backup, on purpose not COPY_ONLY and not a full backup: it holds every transaction since the last
-- log backup, the diverged ones included, and it is the next link of the database's log-backup chain, so the
-- chain stays whole (the next scheduled log backup follows it) and restoring the chain up to this file under
-- another database name brings the diverged transactions back.
USE [master];
BACKUP LOG {{database:tsql-name}} TO DISK = {{file:tsql-string}} WITH CHECKSUM;
