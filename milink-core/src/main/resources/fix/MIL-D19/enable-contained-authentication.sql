-- MIL-D19: contained database users can only log in where 'contained database authentication' is 1.
-- Security note: contained users authenticate at the database, bypassing server logins; a database owner
-- can then create users that can connect. Review that before turning it on. Run on SQL Server and on the
-- managed instance.
EXEC sys.sp_configure N'contained database authentication', 1;
RECONFIGURE;
