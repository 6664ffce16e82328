-- Authentication (issue 9, docs/security.md): local users, API keys, sessions and login attempts.
-- Nothing here can be turned back into a credential: passwords are Argon2id hashes, keys and session
-- tokens (256 random bits each) are stored as their SHA-256.

-- A role is one of viewer < operator < admin (each includes the ones before it); cameras null: every camera.
create table vigil_user (
    id            uuid         primary key,
    username      varchar(64)  not null unique,
    -- PHC string: $argon2id$v=19$m=...,t=...,p=...$salt$hash
    password_hash text         not null,
    role          varchar(16)  not null check (role in ('viewer', 'operator', 'admin')),
    cameras       text[],
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

-- Keys for machines (scrapers, scripts, other services); shown once when made, revoked, never deleted,
-- so that what a key did stays attributable.
create table api_key (
    id          uuid         primary key,
    name        varchar(64)  not null,
    -- hex SHA-256 of the whole key
    key_hash    char(64)     not null unique,
    -- the key's first characters, so that a key found somewhere can be told apart without its secret
    prefix      varchar(16)  not null,
    role        varchar(16)  not null check (role in ('viewer', 'operator', 'admin', 'metrics')),
    cameras     text[],
    created_at  timestamptz  not null,
    created_by  varchar(200) not null,
    revoked_at  timestamptz
);

-- A login's session (the vigil_session cookie or a bearer token); every gateway replica looks it up here.
create table user_session (
    -- hex SHA-256 of the token
    token_hash  char(64)     primary key,
    user_id     uuid         not null references vigil_user (id) on delete cascade,
    created_at  timestamptz  not null,
    expires_at  timestamptz  not null
);
create index user_session_by_expiry on user_session (expires_at);
create index user_session_by_user on user_session (user_id);

-- Login attempts, counted by user and by client address to throttle guessing across all replicas.
create table login_attempt (
    id              bigserial    primary key,
    username        varchar(64)  not null,
    remote_address  varchar(64)  not null,
    succeeded       boolean      not null,
    at              timestamptz  not null
);
create index login_attempt_by_user on login_attempt (username, at);
create index login_attempt_by_address on login_attempt (remote_address, at);
create index login_attempt_by_time on login_attempt (at);
