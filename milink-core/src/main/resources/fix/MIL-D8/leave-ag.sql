-- MIL-D8: the link needs an availability group that holds exactly one database.
-- Run on the primary replica of the group. Secondary copies of the database go to RESTORING and must be
-- dropped or recovered there. Plan this with the owners of the group's other databases.
ALTER AVAILABILITY GROUP {{ag:tsql-name}} REMOVE DATABASE {{db:tsql-name}};
