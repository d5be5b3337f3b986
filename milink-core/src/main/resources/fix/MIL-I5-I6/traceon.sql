-- Turns trace flag {{flag}} on for the whole instance now, without a restart.
-- It stays on only until the next restart; the startup-parameter step makes it permanent.
-- Harmless when the flag is already on.
DBCC TRACEON({{flag}}, -1);
