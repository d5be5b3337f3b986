-- MIL-D8: end database mirroring (run on the principal). The mirror copy stays in RESTORING and must be
-- dropped or recovered separately. Agree first which copy is the one to link.
ALTER DATABASE {{db:tsql-name}} SET PARTNER OFF;
