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
select 1 + c % 300,
       'G' || c,
       f.name,
       s1.s || lower(s2.s) || e.e,
       'client' || c || '@mail.example',
       '+48 ' || lpad(((c::bigint * 7919) % 1000000000)::text, 9, '0'),
       '', (array['United Kingdom','France','Poland','United States'])[1 + (1 + c % 300) % 4],
       (array['en','fr','pl','en'])[1 + (1 + c % 300) % 4],
       (select min(id) from associate) + (c % 3000),
       timestamptz '2015-01-01' + (c % 3650) * interval '1 day'
  from generate_series(1, 1000000) c
  join bench_first f on f.n = 1 + (c * 31) % 44
  join bench_syllable s1 on s1.n = 1 + (c * 17) % 40
  join bench_syllable s2 on s2.n = 1 + (c / 40 * 13) % 40
  join bench_ending e on e.n = 1 + (c / 1600 * 7) % 20;

-- 10,000,000 lines: 4 lines an invoice, 2.5M invoices, every client has about 10 lines.
insert into purchase_line (store_id, customer_id, invoice_no, line_in_invoice, purchased_at, sku, description,
                           quantity, unit_price, country)
select 1 + cust % 300,
       (select min(id) from customer) + cust - 1,
       'G' || (l / 4),
       l % 4,
       timestamptz '2016-01-01' + ((l / 4) % 3650) * interval '1 day' + (l % 600) * interval '1 minute',
       'SKU' || (l % 4000),
       'Item ' || (l % 4000),
       case when l % 97 = 0 then -1 else 1 + l % 5 end,
       round((1 + (l % 5000) / 100.0)::numeric, 2),
       ''
  from (select l, 1 + ((l / 4) * 7919) % 1000000 as cust from generate_series(0, 9999999) l) g;

analyze;
