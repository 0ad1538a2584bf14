-- The shopper's report and the manager's review (issue 12, ADR 0101).

-- The shoppers' public page (/mystery/<token>) limits the forms one address may send: a Bucket4j token bucket per
-- address, in its PostgreSQL layout (as survey_address_bucket). expires_at (epoch milliseconds) is when the bucket
-- would be full again; such rows are swept.
create table mystery_address_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);

-- What the reward was worth when it was paid: a money reward's amount, or the value a manager gave a gift (in the
-- store's currency), or nothing for a gift given no value.
alter table mystery_visit
    add column reward_paid_amount   numeric(12, 2) check (reward_paid_amount >= 0),
    add column reward_paid_currency text check (reward_paid_currency ~ '^[A-Z]{3}$'),
    add constraint mystery_visit_reward_paid_value
        check ((reward_paid_amount is null) = (reward_paid_currency is null));
