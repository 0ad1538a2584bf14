-- Client search on a million clients: run on a scratch database migrated to the current schema
-- (e.g. the embedded one of `java -jar`, or any PostgreSQL with Flyway's V1..V11 applied):
--   psql -d scratch -f bench/client-search-1m.sql
-- It adds 20 stores, 400 associates and 1,000,000 synthetic clients whose names repeat a lot
-- (30 first names x 30 surnames, half with a random suffix: "Żółkiewski" alone is 3% of clients),
-- then prints EXPLAIN ANALYZE and the time of each search, for an owner (all stores) and for an
-- associate (one store). The statements are those of ClientSearch.
\timing on
insert into store (name) select 'Bench store ' || g from generate_series(1, 20) g;
insert into associate (store_id, name, email, password_hash, role)
select s.id, 'Bench associate ' || s.id || '-' || g, 'bench' || s.id || '-' || g || '@example.com', 'x', 'ASSOCIATE'
  from store s, generate_series(1, 20) g where s.name like 'Bench store %';
with f as (select array['John','Anna','Stanisław','Hélène','Marie','Piotr','Zofia','Jean','François','Agnieszka',
                        'Michael','Sarah','Łukasz','Małgorzata','Pierre','Camille','Krzysztof','Emma','Oliver','Chloé',
                        'Wojciech','Kasia','Léa','Tomasz','David','Laura','Paweł','Élodie','James','Olivia'] a),
     l as (select array['Smith','Żółkiewski','Dupont','Kowalski','Nowak','Martin','Bernard','Wiśniewski','Wójcik',
                        'Lefèvre','Jones','Brown','Kamiński','Lewandowski','Dubois','Moreau','Taylor','Williams',
                        'Zieliński','Szymański','Laurent','Garçon','Johnson','Davies','Mazur','Krawczyk','Rousseau',
                        'Fontaine','Wilson','Evans'] a),
     s as (select array_agg(id order by id) a from store where name like 'Bench store %')
insert into customer (store_id, external_id, first_name, last_name, email, phone, city)
select s.a[1 + g % 20], 'BENCH' || g,
       f.a[1 + (g * 7) % 30] || case when g % 3 = 0 then '' else chr(97 + (g / 7) % 26) || chr(97 + (g / 191) % 26) end,
       l.a[1 + (g * 13 / 5) % 30]
           || case when g % 2 = 0 then '' else chr(97 + (g / 11) % 26) || chr(97 + (g / 277) % 26) || chr(97 + (g / 5003) % 26) end,
       'c' || g || '@mail' || (g % 50) || '.example',
       '+33 6 ' || lpad(((g::bigint * 7919) % 100000000)::text, 8, '0'),
       'City ' || (g % 500)
  from generate_series(1, 1000000) g, f, l, s;
vacuum analyze customer;

\set store '(select min(id) from store where name like ''Bench store %'')'
begin;
set local enable_seqscan = off;
prepare everywhere(text) as
with exact as (select c.id from customer c where (lower(c.email) = lower($1) or c.external_id = $1) limit 50),
     candidate as materialized (
       select c.id from customer c
        where (ro_fold($1) <% c.search_text or c.name_sounds @> ro_sounds($1)) limit 1000)
select c.id, c.first_name, c.last_name, c.email from customer c
 where c.id in (select id from exact union select id from candidate)
 order by coalesce(lower(c.email) = lower($1) or c.external_id = $1, false) desc,
          word_similarity(ro_fold($1), c.search_text) desc, lower(c.last_name), lower(c.first_name), c.id
 limit 50;
prepare in_store(text, bigint) as
with exact as (select c.id from customer c where c.store_id = $2 and (lower(c.email) = lower($1) or c.external_id = $1) limit 50),
     candidate as materialized (
       select c.id from customer c
        where c.store_id = $2 and (ro_fold($1) <% c.search_text or c.name_sounds @> ro_sounds($1)) limit 1000)
select c.id, c.first_name, c.last_name, c.email from customer c
 where c.id in (select id from exact union select id from candidate)
 order by coalesce(lower(c.email) = lower($1) or c.external_id = $1, false) desc,
          word_similarity(ro_fold($1), c.search_text) desc, lower(c.last_name), lower(c.first_name), c.id
 limit 50;
prepare by_email(text, text) as
with exact as (select c.id from customer c where (lower(c.email) = lower($1) or c.external_id = $1) limit 50),
     candidate as materialized (select c.id from customer c where c.search_text like ro_fold($2) limit 1000)
select c.id, c.email from customer c
 where c.id in (select id from exact union select id from candidate)
 order by coalesce(lower(c.email) = lower($1) or c.external_id = $1, false) desc,
          word_similarity(ro_fold($1), c.search_text) desc, c.id
 limit 50;
prepare by_phone(text, text) as
with exact as (select c.id from customer c where (lower(c.email) = lower($1) or c.external_id = $1) limit 50),
     candidate as materialized (select c.id from customer c where c.phone_digits like '%' || $2 || '%' limit 1000)
select c.id, c.phone from customer c
 where c.id in (select id from exact union select id from candidate)
 order by coalesce(lower(c.email) = lower($1) or c.external_id = $1, false) desc, c.id
 limit 50;

explain (analyze, costs off) execute everywhere('Jhon Smiht');
\pset tuples_only on
\o /dev/null
execute everywhere('Zolkiewski');
\echo 'everywhere: Zolkiewski (3% of clients)'
execute everywhere('Zolkiewski');
\echo 'everywhere: Jhon Smiht'
execute everywhere('Jhon Smiht');
\echo 'everywhere: Zoe Fontaine'
execute everywhere('Zoe Fontaine');
\echo 'everywhere: Stanislaw Zolkiewskiab'
execute everywhere('Stanislaw Zolkiewskiab');
\echo 'everywhere: BENCH777777 (POS number)'
execute everywhere('BENCH777777');
\echo 'in one store: Zolkiewski'
execute in_store('Zolkiewski', :store);
\echo 'in one store: Jhon Smiht'
execute in_store('Jhon Smiht', :store);
\echo 'in one store: Kowalsky'
execute in_store('Kowalsky', :store);
\echo 'e-mail, exact: c123456@mail6.example'
execute by_email('c123456@mail6.example', '%c123456@mail6.example%');
\echo 'e-mail, being typed: c123456@mai'
execute by_email('c123456@mai', '%c123456@mai%');
\echo 'phone digits: 6 1234 5678'
execute by_phone('6 1234 5678', '612345678');
\o
rollback;
