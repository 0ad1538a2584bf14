-- A POS customer number names a client within one store: two stores may each have a client 17850, and a
-- store's till or import never reaches another store's client through the number (issue 8).
create unique index customer_store_external_id on customer (store_id, external_id) where external_id is not null;
drop index customer_external_id;
