-- MIL-D2: the database is OFFLINE. Someone took it offline on purpose: ask before bringing it back.
ALTER DATABASE {{db:tsql-name}} SET ONLINE;
