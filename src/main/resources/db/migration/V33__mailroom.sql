-- Each store's mailbox: its address (From/Reply-To of our mail) and the IMAP account we read.
-- imap_password is AES-256-GCM ciphertext (nonce || ciphertext+tag), the key lives outside the database.
create table mailroom_mailbox (
    store_id        bigint      primary key,
    address         text        not null,
    display_name    text        not null default '',
    imap_host       text,
    imap_port       integer,
    imap_tls        boolean     not null default true,
    imap_user       text,
    imap_password   bytea,
    uid_validity    bigint,
    last_uid        bigint      not null default 0,
    lease_until     timestamptz,
    last_polled_at  timestamptz,
    last_error      text,
    updated_at      timestamptz not null
);

-- Every mail read from a mailbox, once: the dedupe key is the Message-ID, or a hash of the bytes when it has none.
create table mailroom_inbound (
    id             bigint      generated always as identity primary key,
    store_id       bigint      not null,
    dedupe_key     text        not null,
    uid_validity   bigint,
    uid            bigint,
    outcome        text        not null,
    case_id        bigint,
    quarantine_id  bigint,
    sender         text,
    subject        text,
    received_at    timestamptz not null,
    unique (store_id, dedupe_key)
);

-- The Message-IDs of a case's thread, ours and the customer's, so an answer finds its case.
create table mailroom_thread (
    store_id    bigint      not null,
    message_id  text        not null,
    case_id     bigint      not null,
    outbound    boolean     not null,
    created_at  timestamptz not null,
    primary key (store_id, message_id)
);
create index mailroom_thread_case on mailroom_thread (case_id, created_at);

-- What each address sent us: an address that only ever sent automatic mail (auto-replies, bounces) gets no mail.
create table mailroom_sender (
    store_id     bigint  not null,
    address      text    not null,
    normal       integer not null default 0,
    automatic    integer not null default 0,
    primary key (store_id, address)
);

-- Files that came with a customer's mail, shown on the case page.
create table mailroom_attachment (
    id            bigint      generated always as identity primary key,
    store_id      bigint      not null,
    case_id       bigint      not null,
    inbound_id    bigint      not null references mailroom_inbound (id),
    file_name     text        not null,
    content_type  text        not null,
    size          bigint      not null,
    too_large     boolean     not null,
    content       bytea       not null,
    created_at    timestamptz not null
);
create index mailroom_attachment_case on mailroom_attachment (case_id, id);

-- Contact form submissions counted per address and per client IP, in the database so the limit holds on every node.
create table mailroom_contact_attempt (
    id         bigint      generated always as identity primary key,
    store_id   bigint      not null,
    email      text        not null,
    ip         text        not null,
    at         timestamptz not null
);
create index mailroom_contact_attempt_email on mailroom_contact_attempt (email, at);
create index mailroom_contact_attempt_ip on mailroom_contact_attempt (ip, at);
