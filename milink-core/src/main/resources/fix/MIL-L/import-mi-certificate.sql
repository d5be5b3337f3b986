-- The managed instance's endpoint certificate (public key only), named after its FQDN, so SQL Server trusts
-- the managed instance's end of the link. Matched by public key: nothing happens when master already holds it.
USE [master];
IF NOT EXISTS (SELECT 1 FROM sys.certificates WHERE CERTENCODED(certificate_id) = {{blob:raw}})
BEGIN
    IF EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{fqdn:tsql-string}})
        DROP CERTIFICATE {{fqdn:tsql-name}};
    CREATE CERTIFICATE {{fqdn:tsql-name}} FROM BINARY = {{blob:raw}};
END;
