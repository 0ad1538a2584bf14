-- What kind of failure the last attempt to send a mail was, so screens can say it in plain words
-- (UNREACHABLE, LOGIN_REFUSED or REFUSED; null when the last attempt did not fail).
alter table mail_outbox add column last_error_kind text
    check (last_error_kind in ('UNREACHABLE', 'LOGIN_REFUSED', 'REFUSED'));
