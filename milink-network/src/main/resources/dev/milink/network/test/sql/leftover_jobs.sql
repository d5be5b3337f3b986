-- Jobs left behind by an interrupted network test: milink's name prefix and its description, nothing else.
SELECT name
FROM msdb.dbo.sysjobs
WHERE LEFT(name, 15) = N'milink_nettest_' AND description = {{description:tsql-string}}
