-- The clients whose purchases were added, changed or deleted since figures derived from purchases were last brought
-- up to date (client segments: org.ruleone.clienteling.Segments). Published through
-- org.ruleone.purchases.ClientPurchaseFigures#takeChangedClients, which empties it in the reader's transaction.
-- Kept by statement triggers, in the transaction that writes the purchases, whatever writes them: the till API,
-- the CSV and shell imports (which switch row triggers off with session_replication_role = replica, hence
-- ENABLE ALWAYS), an import rolled back, a client merge or an erasure. A client appears once per statement.
create table purchase_changed_client (
    customer_id bigint not null
);

create function purchase_note_changed_clients() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into purchase_changed_client (customer_id)
        select distinct customer_id from new_purchases where customer_id is not null;
    elsif tg_op = 'DELETE' then
        insert into purchase_changed_client (customer_id)
        select distinct customer_id from old_purchases where customer_id is not null;
    else
        insert into purchase_changed_client (customer_id)
        select customer_id from new_purchases where customer_id is not null
         union
        select customer_id from old_purchases where customer_id is not null;
    end if;
    return null;
end $$;

create trigger purchase_changed_clients_insert after insert on purchase
    referencing new table as new_purchases
    for each statement execute function purchase_note_changed_clients();
create trigger purchase_changed_clients_update after update on purchase
    referencing old table as old_purchases new table as new_purchases
    for each statement execute function purchase_note_changed_clients();
create trigger purchase_changed_clients_delete after delete on purchase
    referencing old table as old_purchases
    for each statement execute function purchase_note_changed_clients();
alter table purchase enable always trigger purchase_changed_clients_insert;
alter table purchase enable always trigger purchase_changed_clients_update;
alter table purchase enable always trigger purchase_changed_clients_delete;
