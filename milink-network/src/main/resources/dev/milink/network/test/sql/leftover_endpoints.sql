-- Test endpoints and their certificates left behind by an interrupted network test (milink's name prefix only).
SELECT N'ENDPOINT' AS kind, name FROM sys.endpoints WHERE name LIKE N'milink[_]nettest[_]%'
UNION ALL
SELECT N'CERTIFICATE' AS kind, name FROM master.sys.certificates WHERE name LIKE N'milink[_]nettest[_]%'
