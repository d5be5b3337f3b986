-- SQL Server: whether master holds a database master key (a certificate for a test endpoint needs one).
SELECT COUNT(*) AS master_keys
FROM master.sys.symmetric_keys
WHERE name = N'##MS_DatabaseMasterKey##'
