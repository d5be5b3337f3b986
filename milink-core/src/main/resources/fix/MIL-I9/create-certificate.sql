-- Creates the certificate that authenticates this instance's database mirroring endpoint to the managed instance.
-- Its private key is encrypted by the database master key of master (MIL-I2 creates that first).
-- EXPIRY_DATE is written as yyyymmdd, the one date form SQL Server reads the same under every language and
-- DATEFORMAT setting. Record the expiry date and rotate the certificate before it.
-- Safe to run again: nothing happens when a certificate of this name exists.
USE master;
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{name:tsql-string}})
    CREATE CERTIFICATE {{name:tsql-name}}
        WITH SUBJECT = {{subject:tsql-string}},
        EXPIRY_DATE = '{{expiry}}';
