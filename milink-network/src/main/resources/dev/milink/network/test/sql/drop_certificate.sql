-- Drops a temporary test endpoint's certificate, if it exists (the undo is registered before the certificate is
-- created, so it must also work when the creation never happened).
IF EXISTS (SELECT 1 FROM master.sys.certificates WHERE name = {{certificate:tsql-string}}) DROP CERTIFICATE {{certificate:tsql-name}};
