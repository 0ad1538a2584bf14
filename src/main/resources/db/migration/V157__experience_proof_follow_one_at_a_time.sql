-- The come-back proof's read model is kept by several writers at once: the survey answers' trigger, the listeners of
-- purchases and resolutions, the rebuild. Each writes a client's SURVEY row, then their RESOLUTION row, and the day
-- table's triggers add each statement's changes to shared day rows; two such transactions over overlapping clients
-- could lock the same rows in opposite orders and deadlock (seen once in the test suite: a survey answer against a
-- listener, "deadlock detected ... in relation proof_first_experience"). A customer answering a survey got an error.
-- Writers now take one transaction-level advisory lock first, so they follow one after another; each follow is a few
-- statements over the clients concerned, and the lock ends with the writing transaction.
create or replace function proof_first_experience_follow(clients bigint[]) returns void
    language sql as $$
    select pg_advisory_xact_lock(hashtext('proof_first_experience'));
    select proof_first_experience_follow_facts(clients);
    update proof_first_experience f
       set recovered = r.resolved
      from (select f2.customer_id,
                   exists (select 1 from service_resolutions s where s.case_id = f2.follow_up_case_id) as resolved
              from proof_first_experience f2
             where f2.customer_id = any (clients) and f2.kind = 'SURVEY') r
     where f.customer_id = r.customer_id and f.kind = 'SURVEY' and f.recovered is distinct from r.resolved;
$$;

create or replace function proof_first_experience_rebuild() returns void
    language sql as $$
    select pg_advisory_xact_lock(hashtext('proof_first_experience'));
    select proof_first_experience_rebuild_facts();
    update proof_first_experience f
       set recovered = true
     where f.kind = 'SURVEY' and f.follow_up_case_id is not null
       and exists (select 1 from service_resolutions r where r.case_id = f.follow_up_case_id);
$$;
