-- SQL Agent jobs milink's network test creates and removes (milink_nettest_…): any here is a leftover.
-- requires: SELECT on msdb.dbo.sysjobs (sysadmin, or SQLAgentReaderRole to see other owners' jobs)
SELECT name
FROM msdb.dbo.sysjobs
WHERE LEFT(name, 15) = N'milink_nettest_'
