-- Creates the database master key in master; it protects the private key of the endpoint certificate.
-- The password comes from the secret MILINK_DMK_PASSWORD (sqlcmd variable); keep it in your password vault.
-- Safe to run again: nothing happens when master already has a master key.
USE master;
IF NOT EXISTS (SELECT 1 FROM sys.symmetric_keys WHERE symmetric_key_id = 101)
    CREATE MASTER KEY ENCRYPTION BY PASSWORD = '$(MILINK_DMK_PASSWORD)';
