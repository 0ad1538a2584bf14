-- When a visit was first submitted, kept when a returned visit is submitted again: a shopper is on time by their
-- first report, not by their answer to the manager's question (reliability, ADR 0100). Kept by a trigger, so
-- whatever code writes submitted_at needs to know nothing of it.
alter table mystery_visit add column first_submitted_at timestamptz;

create function mystery_visit_first_submission() returns trigger
    language plpgsql as $$
begin
    if tg_op = 'UPDATE' and old.first_submitted_at is not null then
        new.first_submitted_at := old.first_submitted_at;
    elsif new.first_submitted_at is null then
        new.first_submitted_at := new.submitted_at;
    end if;
    return new;
end
$$;
create trigger mystery_visit_first_submission before insert or update on mystery_visit
    for each row execute function mystery_visit_first_submission();
