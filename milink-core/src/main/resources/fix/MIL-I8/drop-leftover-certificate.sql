-- Removes a certificate an interrupted 'milink network test' left behind for its temporary endpoint (its name
-- starts with milink_nettest_). Safe to run again.
USE master;
IF EXISTS (SELECT 1 FROM sys.certificates WHERE name = {{certificate:tsql-string}})
    DROP CERTIFICATE {{certificate:tsql-name}};
