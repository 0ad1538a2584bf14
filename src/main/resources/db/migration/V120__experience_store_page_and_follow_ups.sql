-- The store's own survey page (the QR poster, ADR 0095) is not single-use: answers from one address are limited by
-- a Bucket4j token bucket per address (its PostgreSQL layout, as the sign-in throttle's). expires_at (epoch
-- milliseconds) is when the bucket would be full again; such rows are swept.
create table survey_address_bucket (
    id         text primary key,
    state      bytea,
    expires_at bigint
);

-- Published view (ADR 0089): the answers that call for a follow-up case, and the case opened for each, if any.
-- An answer calls for one when it is complete, unhappy (come back 0-6 or satisfaction 1-2), from a client we can
-- reach (not anonymous) and not imported from another tool (those happened before and were dealt with there).
--   answer_id, store_id, customer_id, associate_id (who served, null: the store), channel (experience.SurveyChannel),
--   come_back (0-10 or null), satisfaction (1-5 or null), comment, answered_at, case_id (the case the survey
--   followed), follow_up_case_id (null: nobody followed it up yet)
create view survey_unhappy_answers as
select id as answer_id, store_id, customer_id, associate_id, channel, come_back, satisfaction, comment, answered_at,
       case_id, follow_up_case_id
  from survey_answer
 where complete
   and channel <> 'IMPORT'
   and customer_id is not null
   and (come_back <= 6 or satisfaction <= 2);
