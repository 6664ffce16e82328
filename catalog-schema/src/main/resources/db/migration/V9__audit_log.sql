-- The audit log (issue 9, docs/audit.md): who viewed, exported, deleted, locked, changed what, when and
-- from where, written by the gateway before it answers. Append-only: a trigger refuses UPDATE, TRUNCATE
-- and DELETE, except the retention's DELETE, which says so with SET LOCAL vigil.audit_prune = 'on'.
create table audit_entry (
    id              uuid          primary key,
    at              timestamptz   not null,
    -- the principal's name (SecurityIdentity); 'anonymous' without authentication
    actor           varchar(200)  not null,
    -- footage.media, footage.playlist, footage.export, recording.lock, ..., login (AuditAction)
    action          varchar(40)   not null,
    -- succeeded, denied (401/403) or failed
    outcome         varchar(16)   not null,
    -- the HTTP status answered; null for an entry no request made
    status          integer,
    camera_id       varchar(63),
    recording_id    bigint,
    -- the span asked for (playlist, export)
    span_from       timestamptz,
    span_to         timestamptz,
    -- another object concerned: an import id, the user name of a login
    target          varchar(200),
    -- the peer's address, or the forwarded one only behind a trusted proxy (quarkus.http.proxy.*)
    client_address  varchar(100),
    -- an export (clip download): its id, the SHA-256 (hex) and number of the bytes sent
    export_id       uuid          unique,
    export_sha256   char(64),
    export_bytes    bigint,
    detail          varchar(500)
);

-- GET /api/audit: newest first, optionally one actor, action or camera
create index audit_entry_at on audit_entry (at desc, id desc);
create index audit_entry_actor_at on audit_entry (actor, at desc);
create index audit_entry_action_at on audit_entry (action, at desc);
create index audit_entry_camera_at on audit_entry (camera_id, at desc) where camera_id is not null;

-- Entries not yet acknowledged by Kafka on vigil.audit; written in the entry's transaction, drained by the
-- gateway's outbox publisher, which deletes a row once the record is acknowledged.
create table audit_outbox (
    entry_id   uuid         primary key references audit_entry (id),
    queued_at  timestamptz  not null default now()
);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and current_setting('vigil.audit_prune', true) = 'on' then
        return old;
    end if;
    raise exception 'audit_entry is append-only: % refused', tg_op;
end
$$;

create trigger audit_entry_no_change before update or delete on audit_entry
    for each row execute function audit_entry_append_only();
create trigger audit_entry_no_truncate before truncate on audit_entry
    for each statement execute function audit_entry_append_only();
