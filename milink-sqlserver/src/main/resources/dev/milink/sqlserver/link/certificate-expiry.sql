-- The managed instance's endpoint certificate as SQL Server holds it (named after the managed instance's FQDN).
SELECT name, expiry_date FROM sys.certificates WHERE name = {{fqdn:tsql-string}}
