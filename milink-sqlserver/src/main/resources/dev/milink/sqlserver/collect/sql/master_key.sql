-- Whether master holds a database master key.
-- visibility: VIEW ANY DEFINITION
SELECT COUNT(*) AS master_keys
FROM master.sys.symmetric_keys
WHERE name = N'##MS_DatabaseMasterKey##'
