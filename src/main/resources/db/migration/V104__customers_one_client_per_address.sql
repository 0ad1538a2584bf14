-- The address by which a store finds its client: an e-mail address in lower case, or a phone number in E.164 (or
-- its digits when it cannot be read). One client per address and store, so two channels adding the same new
-- client at the same moment add it once: the second insert meets this key (ADR 0087).
create table customer_address (
    store_id    bigint not null references store (id),
    address     text   not null,
    customer_id bigint not null references customer (id) on delete cascade,
    primary key (store_id, address)
);
create index customer_address_customer on customer_address (customer_id);

-- Clients who already share an e-mail address in a store all stay as they are, details and history included;
-- the oldest of them is the one the address finds, as the search's exact match did (the others are still found by
-- name and by the search). Phone numbers follow in V105, which reads them with libphonenumber.
insert into customer_address (store_id, address, customer_id)
select distinct on (store_id, lower(btrim(email))) store_id, lower(btrim(email)), id
  from customer
 where email is not null and btrim(email) <> ''
 order by store_id, lower(btrim(email)), id;
