-- MIL-D6: the link ships the transaction log, so the database needs the FULL recovery model.
-- After a switch from SIMPLE the database still behaves as SIMPLE until a full backup (not COPY_ONLY)
-- starts the log chain: the MIL-D7 step that follows takes it. Schedule log backups from then on.
ALTER DATABASE {{db:tsql-name}} SET RECOVERY FULL;
