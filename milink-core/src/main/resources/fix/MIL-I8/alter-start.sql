ALTER ENDPOINT {{endpoint:tsql-name}} STATE = STARTED;
