-- Event recording (issue 3): per-camera event settings, why each recording exists, the events
-- themselves, and manual recordings started through the API.

alter table camera
    add column pre_roll_seconds  integer not null default 5,
    add column post_roll_seconds integer not null default 10,
    add column max_event_seconds integer not null default 1800,
    -- MotionSettings as JSON (enabled, sensitivity, minAreaPercent, masks), see docs/events.md
    add column motion            text    not null default '{"enabled":true,"sensitivity":50,"minAreaPercent":1.0,"masks":[]}';

-- continuous, motion, manual or external; rows written before this migration were continuous
alter table recording
    add column reason   varchar(16) not null default 'continuous',
    add column event_id varchar(64);

create index recording_event on recording (event_id) where event_id is not null;

-- Events: written by the indexer from vigil.events (idempotent: upsert on id).
-- No foreign key to camera, like recording: an event outlives a removed camera.
create table event (
    id            varchar(64)      primary key,
    camera_id     varchar(63)      not null,
    start_time    timestamptz      not null,
    -- the last trigger's end; null while the event runs
    end_time      timestamptz,
    -- where the recording of the event ends, post-roll included
    recording_end timestamptz,
    reason        varchar(16)      not null,
    label         varchar(200),
    peak_score    double precision,
    box_x         double precision,
    box_y         double precision,
    box_width     double precision,
    box_height    double precision,
    updated_at    timestamptz      not null
);

create index event_camera_time on event (camera_id, start_time);
create index event_time on event (start_time);

-- Manual recordings: owned by the api-gateway, which publishes each start and stop to
-- vigil.camera-commands. One row per camera at most: the running (or last) manual recording.
create table manual_recording (
    camera_id  varchar(63) primary key references camera (id) on delete cascade,
    event_id   varchar(64) not null,
    started_at timestamptz not null,
    -- null: runs until stopped
    until      timestamptz,
    stopped_at timestamptz
);
