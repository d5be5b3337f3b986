-- Jobs left behind by an interrupted network test: milink's name prefix and its description, nothing else.
SELECT name
FROM msdb.dbo.sysjobs
WHERE name LIKE N'milink[_]nettest[_]%' AND description = ${description}
