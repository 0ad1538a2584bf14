-- Trigrams forgive a missing accent or a letter too many, but not two swapped letters in a short word:
-- "jhon smiht" shares too few trigrams with "john smith". Comparing how each name word sounds does:
-- soundex('jhon') = soundex('john') = J500, soundex('smiht') = soundex('smith') = S530.
create extension if not exists fuzzystrmatch;

-- The soundex codes of the words of a text, folded first so "Żółkiewski" and "Zolkiewski" sound alike.
create or replace function ro_sounds(value text) returns text[]
    language sql immutable parallel safe strict
    as $$
        select coalesce(array_agg(distinct public.soundex(w)) filter (where public.soundex(w) <> ''), '{}')
          from regexp_split_to_table(public.ro_fold(value), '[^a-z]+') as w
         where w <> ''
    $$;

alter table customer
    add column name_sounds text[] generated always as (ro_sounds(first_name || ' ' || last_name)) stored;
create index customer_name_sounds on customer using gin (name_sounds);
