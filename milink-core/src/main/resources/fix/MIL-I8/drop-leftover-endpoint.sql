-- Removes an endpoint an interrupted 'milink network test' left behind (its name starts with milink_nettest_;
-- milink created it for the test only, and no link or availability group uses it). Safe to run again.
USE master;
IF EXISTS (SELECT 1 FROM sys.endpoints WHERE name = {{endpoint:tsql-string}})
    DROP ENDPOINT {{endpoint:tsql-name}};
