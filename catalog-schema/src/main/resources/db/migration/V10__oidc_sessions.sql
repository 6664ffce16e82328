-- Sessions of users who log in through an OIDC provider (issue 9, docs/security.md). They have no
-- vigil_user row: the session keeps who they are and what the provider's ID token granted at login,
-- so a change at the provider applies at their next login (at most vigil.auth.session.lifetime later).
alter table user_session alter column user_id drop not null;
alter table user_session
    add column principal varchar(200),
    add column role      varchar(16) check (role in ('viewer', 'operator', 'admin')),
    add column cameras   text[];
-- a session belongs to a local user or carries its own grant, never both and never neither
alter table user_session add constraint user_session_owner
    check ((user_id is not null and principal is null and role is null and cameras is null)
        or (user_id is null and principal is not null and role is not null));
