-- Quarantined mail remembers the store whose mailbox it came from, and leaves the list once a retry routed it
-- (it is kept, marked processed, never deleted).
alter table mail_quarantine add column store_id bigint;
alter table mail_quarantine add column processed_at timestamptz;
create index mail_quarantine_waiting on mail_quarantine (received_at desc, id desc) where processed_at is null;
