-- What the rankings module's listeners would have written had the benchmark's answers and purchases come through the
-- application (bench/experience/generate.sql and bench/chain/generate.sql write the tables directly, so no event was
-- published): rankings_survey from every complete answer that publishes SurveyAnswered (not the imported ones),
-- rankings_purchase from every purchase of a known client, credited to the client's associate in the book.
-- Mirrors rankings.internal.Projections (ADR 0110); run once, after both generators.
\set ON_ERROR_STOP on
set synchronous_commit = off;

insert into rankings_survey (answer_id, store_id, associate_id, customer_id, happy, answered_at)
select id, store_id, associate_id, customer_id,
       case when come_back is not null then come_back >= 9 when satisfaction is not null then satisfaction >= 4 end,
       answered_at
  from survey_answer
 where complete and channel <> 'IMPORT'
on conflict (answer_id) do nothing;

insert into rankings_purchase (purchase_id, store_id, customer_id, associate_id, purchased_at, total, is_return)
select p.id, p.store_id, p.customer_id, c.associate_id, p.purchased_at, p.total, p.is_return
  from purchase p
  join customer c on c.id = p.customer_id
on conflict (purchase_id) do nothing;

analyze rankings_survey;
analyze rankings_purchase;
