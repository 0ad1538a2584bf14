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

-- The store with the most clients called Żółkiewski, so the one-store searches have something to find.
select store_id as store from customer where last_name like 'Żółkiewski%' group by 1 order by count(*) desc limit 1 \gset
begin;
set local enable_seqscan = off;
prepare exact(text) as
select c.id, c.first_name, c.last_name from customer c
 where (lower(c.email) = lower($1) or c.external_id = $1) order by c.id limit 50;
prepare everywhere(text) as
with candidate as materialized (
       select c.id from customer c
        where (ro_fold($1) <% c.search_text or c.name_sounds @> ro_sounds($1)) limit 1000)
select c.id, c.first_name, c.last_name, c.email from customer c
 where c.id in (select id from candidate)
 order by word_similarity(ro_fold($1), c.search_text) desc, lower(c.last_name), lower(c.first_name), c.id
 limit 50;
prepare in_store(text, bigint) as
with candidate as materialized (
       select c.id from customer c
        where c.store_id = $2 and (ro_fold($1) <% c.search_text or c.name_sounds @> ro_sounds($1)) limit 1000)
select c.id, c.first_name, c.last_name, c.email from customer c
 where c.id in (select id from candidate)
 order by word_similarity(ro_fold($1), c.search_text) desc, lower(c.last_name), lower(c.first_name), c.id
 limit 50;
prepare by_email(text, text) as
with candidate as materialized (select c.id from customer c where c.search_text like ro_fold($2) limit 1000)
select c.id, c.email from customer c
 where c.id in (select id from candidate)
 order by word_similarity(ro_fold($1), c.search_text) desc, c.id
 limit 50;
prepare by_phone(text) as
with candidate as materialized (select c.id from customer c where c.phone_digits like '%' || $1 || '%' limit 1000)
select c.id, c.phone from customer c
 where c.id in (select id from candidate)
 order by c.id
 limit 50;

explain (analyze, costs off) execute everywhere('Jhon Smiht');
explain (analyze, costs off) execute in_store('Zolkiewski', :store);
\pset tuples_only on
\o /dev/null
execute everywhere('Zolkiewski');
\echo 'all stores: Zolkiewski (3% of clients)'
execute everywhere('Zolkiewski');
\echo 'all stores: Jhon Smiht'
execute everywhere('Jhon Smiht');
\echo 'all stores: Zoe Fontaine'
execute everywhere('Zoe Fontaine');
\echo 'all stores: Stanislaw Zolkiewskiab'
execute everywhere('Stanislaw Zolkiewskiab');
\echo 'one store: Zolkiewski'
execute in_store('Zolkiewski', :store);
\echo 'one store: Jhon Smiht'
execute in_store('Jhon Smiht', :store);
\echo 'one store: Kowalsky'
execute in_store('Kowalsky', :store);
\echo 'exact POS number: BENCH777777'
execute exact('BENCH777777');
\echo 'exact e-mail: c123456@mail6.example'
execute exact('c123456@mail6.example');
\echo 'e-mail being typed: c123456@mai'
execute by_email('c123456@mai', '%c123456@mai%');
\echo 'phone digits: 6 1234 5678'
execute by_phone('612345678');
\o
rollback;
