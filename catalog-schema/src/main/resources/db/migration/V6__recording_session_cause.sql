-- Why each recording's ingest session began (issue 4, gaps): the indexer names the cause of a gap
-- before a recording from it, also when the recordings on either side arrive out of order.
alter table recording
    -- start, config, reconnect or unknown (RecordingClosed v3; null for rows catalogued before)
    add column session_cause    varchar(16),
    -- for a reconnect, the failure kind that ended the attempt before: refused, not_found, unauthorized,
    -- timeout, silent, failure
    add column previous_failure varchar(16),
    -- the ingest instance that ran the session
    add column ingest_instance  varchar(255);
