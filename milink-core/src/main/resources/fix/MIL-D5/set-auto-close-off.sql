-- MIL-D5: an availability group database cannot have AUTO_CLOSE on.
ALTER DATABASE {{db:tsql-name}} SET AUTO_CLOSE OFF;
