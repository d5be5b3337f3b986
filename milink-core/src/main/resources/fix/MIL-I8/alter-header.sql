-- Adjusts the existing database mirroring endpoint {{endpoint:tsql-name}} for the link without dropping it, so
-- availability groups that already use it keep working. Each statement is harmless when already in effect.
USE master;
