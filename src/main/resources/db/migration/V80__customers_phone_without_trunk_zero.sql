-- "+44 (0)20 7946 0000" is dialled as +44 20 7946 0000 from abroad and 020 7946 0000 at home: the "(0)" is a
-- trunk prefix, not part of the number. Stored digits leave it out, so "+44 20 7946" finds that client too.
drop index if exists customer_phone_trgm;
alter table customer drop column phone_digits;
alter table customer add column phone_digits text generated always as (
    regexp_replace(regexp_replace(coalesce(phone, ''), '\(\s*0\s*\)', '', 'g'), '[^0-9]', '', 'g')) stored;
create index customer_phone_trgm on customer using gin (phone_digits gin_trgm_ops);
