-- Test endpoints and their certificates left behind by an interrupted network test (milink's name prefix only;
-- LEFT rather than LIKE, where '_' would be a wildcard).
SELECT N'ENDPOINT' AS kind, name FROM sys.endpoints WHERE LEFT(name, 15) = N'milink_nettest_'
UNION ALL
SELECT N'CERTIFICATE' AS kind, name FROM master.sys.certificates WHERE LEFT(name, 15) = N'milink_nettest_'
