-- Moves endpoint {{endpoint:tsql-name}} from port {{currentPort}} to {{port}} so that only the default instance uses 5022.
-- Not applied by milink: availability group replicas that reach this instance by TCP://...:{{currentPort}}
-- must be changed too (ALTER AVAILABILITY GROUP ... MODIFY REPLICA ... ENDPOINT_URL), and firewalls must
-- allow TCP {{port}} from the managed instance subnet. Pick a port no other instance on this host uses.
USE master;
ALTER ENDPOINT {{endpoint:tsql-name}} AS TCP (LISTENER_PORT = {{port}});
