-- A chain-sized, deterministic data set: 300 stores, 3,000 associates, 1,000,000 clients,
-- 10,000,000 purchase lines. Names mix English, French and Polish spellings (with diacritics) so that
-- accent- and typo-tolerant search has real work to do. Same input, same rows: no random().
\set ON_ERROR_STOP on
set synchronous_commit = off;

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

create temporary table bench_first (n int primary key, name text);
insert into bench_first
select row_number() over (), x from unnest(array[
  'Anna','Zofia','Małgorzata','Łucja','Agnieszka','Katarzyna','Jérôme','Amélie','Hélène','François',
  'Cécile','Benoît','Léa','Chloé','Zoë','Élodie','Oliver','Emma','James','Charlotte','William','Olivia',
  'Jakub','Wojciech','Paweł','Michał','Grzegorz','Andrzej','Stanisław','Piotr','Marie','Louise','Noémie',
  'Søren','John','Mary','Robert','Patricia','Michael','Jennifer','David','Linda','Thomas','Sarah']) x;

create temporary table bench_syllable (n int primary key, s text);
insert into bench_syllable
select row_number() over (), x from unnest(array[
  'Żół','Kow','Nowa','Wiś','Lewan','Zieliń','Szym','Wójc','Kamiń','Dąb','Mazur','Krawc','Grab','Pawł',
  'Dubo','Lefè','Moré','Giro','Bonne','Fauré','Rous','Garç','Chev','Ber','Smi','John','Wil','Tay',
  'Brow','Dav','Ev','Tho','Rob','Wal','Wri','Hal','Mart','Lam','Pér','Ném']) x;

create temporary table bench_ending (n int primary key, e text);
insert into bench_ending
select row_number() over (), x from unnest(array[
  'kiewski','ski','lski','czyk','ak','ewicz','ier','ault','ard','ois','eau','son','ton','ley','ins',
  'erson','ford','ot','ès','ière']) x;

insert into customer (store_id, external_id, first_name, last_name, email, phone, city, country, language,
                      associate_id, created_at)
select st.id,
       'G' || c,
       f.name,
       s1.s || lower(s2.s) || e.e,
       'client' || c || '@mail.example',
       '+48 ' || lpad(((c::bigint * 7919) % 1000000000)::text, 9, '0'),
       '', st.country, st.language,
       a.id,
       timestamptz '2015-01-01' + (c % 3650) * interval '1 day'
  from generate_series(1, 1000000) c
  join store st on st.name = 'Store ' || lpad((1 + c % 300)::text, 3, '0')
  -- The keeper works in the client's store: associate numbers congruent to the store's modulo 300.
  join associate a on a.email = 'associate' || coalesce(nullif(300 * (c / 300 % 10) + c % 300, 0), 3000) || '@chain.example'
  join bench_first f on f.n = 1 + (c * 31) % 44
  join bench_syllable s1 on s1.n = 1 + (c * 17) % 40
  join bench_syllable s2 on s2.n = 1 + (c / 40 * 13) % 40
  join bench_ending e on e.n = 1 + (c / 1600 * 7) % 20;

-- 2,500,000 purchases (invoices) of 4 lines each: 10,000,000 lines; every client has 2-3 purchases.
insert into purchase (store_id, invoice_no, customer_id, purchased_at, country, total, items, line_count, is_return)
select cu.store_id, 'G' || g.i, cu.id,
       timestamptz '2016-01-01' + (g.i % 3650) * interval '1 day' + (g.i % 600) * interval '1 minute',
       cu.country, t.total, t.items, 4, g.i % 97 = 0
  from (select i, 1 + (i * 7919) % 1000000 as cust from generate_series(0::bigint, 2499999) i) g
  join customer cu on cu.external_id = 'G' || g.cust
  cross join lateral (
      select sum(q * p) as total, sum(q) as items
        from (select case when g.i % 97 = 0 then -1 else 1 + (g.i * 4 + k) % 5 end as q,
                     round((1 + ((g.i * 4 + k) % 5000) / 100.0)::numeric, 2) as p
                from generate_series(0, 3) k) lines) t;

insert into purchase_line (purchase_id, line_in_invoice, sku, description, quantity, unit_price)
select p.id, k, 'SKU' || ((i * 4 + k) % 4000), 'Item ' || ((i * 4 + k) % 4000),
       case when i % 97 = 0 then -1 else 1 + (i * 4 + k) % 5 end,
       round((1 + ((i * 4 + k) % 5000) / 100.0)::numeric, 2)
  from (select id, substr(invoice_no, 2)::bigint as i from purchase where invoice_no like 'G%') p
  cross join generate_series(0, 3) k;

analyze;
