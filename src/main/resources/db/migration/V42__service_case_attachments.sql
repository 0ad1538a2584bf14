-- Files on a case: a photo an associate takes of the damaged goods, or an inbound mail's attachment.
-- The content lives in the row (bytea, TOASTed out of line); the application caps its size.
create table case_attachment (
    id            bigint      generated always as identity primary key,
    case_id       bigint      not null references service_case (id) on delete cascade,
    file_name     text        not null check (btrim(file_name) <> ''),
    content_type  text        not null,
    size          bigint      not null check (size >= 0),
    content       bytea       not null,
    associate_id  bigint      references associate (id),
    created_at    timestamptz not null
);
create index case_attachment_case on case_attachment (case_id, created_at, id);
