-- Sources beyond RTSP (issue 8): HTTP headers and the HLS variant of a camera, and import jobs.
alter table camera
    -- headers sent to an HLS or HTTP source (Authorization, Cookie, User-Agent...) as a JSON object;
    -- secret like the url's password: never returned by the API (only their names, as set), never logged
    add column headers text,
    -- of a master playlist, the variant to record (its URI or RESOLUTION); null: the highest bandwidth
    add column variant varchar(200);

-- Imports requested through POST /api/imports; their progress comes from vigil.import-status.
create table import_job (
    id                  uuid         primary key,
    -- the camera id the recordings are filed under (a camera of that id need not exist)
    camera_id           varchar(63)  not null,
    -- credentials masked: the full url and the headers travel only on vigil.imports
    url                 text         not null,
    -- hls or mp4
    kind                varchar(8)   not null,
    -- the wall-clock time given for the media's first frame; null: the playlist's date, else the import's start
    start_at            timestamptz,
    -- the names of the headers sent (their values travel only on vigil.imports), comma-separated; null: none
    header_names        text,
    created_at          timestamptz  not null,
    cancel_requested_at timestamptz
);
create index import_job_by_created on import_job (created_at desc);
