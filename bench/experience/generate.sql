-- The survey benchmark's data set, deterministic (no random()): the chain's 300 stores and 3,000 associates (as
-- bench/chain/generate.sql makes them), :clients clients (without purchases: the figures never read them), and
-- :answers survey answers spread over the two years before 2026-12-01, with their invitations, written straight
-- into the tables with generate_series.
-- With -v on_chain=1 the stores, associates and clients are bench/chain/generate.sql's, already loaded (with their
-- purchases), and only the answers and invitations are added (bench/proof/run.sh).
--   answers: 40% after a case, 40% after a purchase, 10% in store (QR), 5% web shop, 5% imported;
--            92% complete; come-back 45% promoters, 30% passives, 25% detractors; satisfaction 1–5 (5% skipped);
--            20% with a comment in English, French or Polish; detractors point at a follow-up case id.
--   invitations: one per answer of a case, purchase or web shop, plus half as many again never answered.
\set ON_ERROR_STOP on
set synchronous_commit = off;

\if :{?on_chain}
\else
insert into store (name, country, time_zone, language)
select 'Store ' || lpad(s::text, 3, '0'),
       (array['United Kingdom','France','Poland','United States'])[1 + s % 4],
       (array['Europe/London','Europe/Paris','Europe/Warsaw','America/Los_Angeles'])[1 + s % 4],
       (array['en','fr','pl','en'])[1 + s % 4]
  from generate_series(1, 300) s;

insert into associate (store_id, name, email, password_hash, role, hire_date, language)
select st.id, 'Associate ' || a, 'associate' || a || '@chain.example',
       '{noop}not-a-login', case when a % 10 = 0 then 'MANAGER' else 'ASSOCIATE' end,
       date '2015-01-01' + (a % 3000), st.language
  from generate_series(1, 3000) a
  join store st on st.name = 'Store ' || lpad((1 + a % 300)::text, 3, '0');

\endif

-- Store k (1..300) by number, and its associates j (0..9): associate number (k - 1) + 300 j, 3000 for 0.
create temporary table bench_store as
select substr(name, 7)::int as k, id from store where name ~ '^Store [0-9]{3}$';
create temporary table bench_associate as
select substr(email, 10, strpos(email, '@') - 10)::int as a, id from associate where email like 'associate%@chain.example';
create index on bench_associate (a);

\if :{?on_chain}
\else
insert into customer (store_id, external_id, first_name, last_name, email, country, language, associate_id, created_at)
select st.id, 'G' || c, 'Client', 'Number ' || c, 'client' || c || '@mail.example', '', 'en', a.id,
       timestamptz '2015-01-01' + (c % 3650) * interval '1 day'
  from generate_series(1, :clients) c
  join bench_store st on st.k = 1 + c % 300
  join bench_associate a on a.a = coalesce(nullif(300 * (c / 300 % 10) + c % 300, 0), 3000);
\endif

create temporary table bench_comment (n int primary key, language text, body text);
insert into bench_comment values
  (0, 'en', 'Lovely staff, they found my size in another store.'), (1, 'en', 'Waited too long at the till.'),
  (2, 'en', 'The alteration was ready on time, thank you!'), (3, 'en', 'Nobody called me back about the repair.'),
  (4, 'fr', 'Accueil chaleureux, je reviendrai.'), (5, 'fr', 'Trop d’attente en caisse, dommage.'),
  (6, 'fr', 'La retouche était parfaite et prête à temps.'), (7, 'pl', 'Bardzo miła obsługa, na pewno wrócę.'),
  (8, 'pl', 'Za długo czekałem na zwrot pieniędzy.'), (9, 'pl', 'Świetna rada przy wyborze butów.');

-- The read model (V118) is counted once at the end rather than row by row.
alter table survey_answer disable trigger survey_answer_figures;
-- The proof's read model (V141) is rebuilt once below, after analyze: followed from inside this statement, its
-- rebuild ran on statistics that still said the tables were empty and crawled for over an hour.
alter table survey_answer disable trigger survey_answer_proof_insert;
alter table survey_invitation disable trigger survey_invitation_figures;

-- The plan of every answer, then the invitations and the answers from it. Ids of the invitations are given, so
-- each answer points at its own.
-- g picks the store (g % 300) and the associate, h = g / 300 numbers the store's own answers and picks the rest,
-- so every store gets every channel, mood and comment.
create temporary table bench_plan as
select g,
       st.id as store_id,
       a.id as associate_id,
       (select min(id) from customer) + (g * 7919) % :clients as customer_id,
       case when h % 20 < 8 then 'CASE_RESOLVED' when h % 20 < 16 then 'PURCHASE' when h % 20 < 18 then 'IN_STORE'
            when h % 20 < 19 then 'API' else 'IMPORT' end as channel,
       timestamptz '2026-12-01' - ((g * 104729) % (730 * 86400)) * interval '1 second' as answered_at,
       (h * 37 + g / 7) % 100 as mood,
       (h * 13) % 100 < 92 as complete,
       h
  from (select g, g / 300 as h from generate_series(1::bigint, :answers) g) n
  join bench_store st on st.k = 1 + g % 300
  join bench_associate a on a.a = coalesce(nullif(300 * (g / 300 % 10) + g % 300, 0), 3000);

insert into survey_invitation (id, store_id, customer_id, associate_id, trigger, language, status, due_at, sent_at,
                               expires_at, created_at)
overriding system value
select g, store_id, customer_id, associate_id, channel, 'en', case when complete then 'COMPLETED' else 'PARTIAL' end,
       answered_at - interval '1 day', answered_at - interval '1 day', answered_at + interval '29 days',
       answered_at - interval '2 days'
  from bench_plan where channel in ('CASE_RESOLVED', 'PURCHASE', 'API');

insert into survey_invitation (id, store_id, customer_id, associate_id, trigger, language, status, due_at, sent_at,
                               expires_at, created_at)
overriding system value
select :answers + g, store_id, customer_id, associate_id, channel, 'en', 'EXPIRED', answered_at, answered_at,
       answered_at + interval '30 days', answered_at - interval '1 day'
  from bench_plan where g <= :answers / 2 and channel in ('CASE_RESOLVED', 'PURCHASE', 'API');

select setval(pg_get_serial_sequence('survey_invitation', 'id'), (select max(id) from survey_invitation));

insert into survey_answer (invitation_id, store_id, customer_id, associate_id, channel, language, come_back,
                           satisfaction, comment, complete, started_at, answered_at, follow_up_case_id, external_id)
select case when channel in ('CASE_RESOLVED', 'PURCHASE', 'API') then g end, store_id,
       case when channel <> 'IN_STORE' then customer_id end, associate_id, channel, c.language,
       case when mood < 45 then 9 + h % 2 when mood < 75 then 7 + h % 2 else h % 7 end,
       case when h % 20 = 7 then null when mood < 45 then 4 + h % 2 when mood < 75 then 3 + h % 2 else 1 + h % 3 end,
       case when h % 5 = 0 then c.body end,
       complete, answered_at - interval '3 minutes', answered_at,
       case when complete and mood >= 75 then g end,
       case when channel = 'IMPORT' then 'X' || g end
  from bench_plan
  join bench_comment c on c.n = (h / 5) % 10;

alter table survey_answer enable trigger survey_answer_figures;
alter table survey_invitation enable trigger survey_invitation_figures;
select survey_figures_rebuild();

analyze survey_invitation;
analyze survey_answer;
analyze survey_figures_day;
alter table survey_answer enable trigger survey_answer_proof_insert;
set enable_nestloop = off;
select proof_first_experience_rebuild();
reset enable_nestloop;
analyze proof_first_experience;
