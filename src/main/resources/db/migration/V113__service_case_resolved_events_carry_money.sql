-- CaseResolved used to carry the cost as a bare number beside a "currency" field; it now carries a Money
-- ({"amount": …, "currency": …}). Publications left incomplete by an older version are rewritten to the new shape,
-- so they still read back when they are resubmitted. Completed ones are history and are left as they were.
-- The table is Spring Modulith's: on a fresh database it does not exist yet, and there is nothing to rewrite.
do $$
begin
    if to_regclass('event_publication') is not null then
        update event_publication
           set serialized_event = ((serialized_event::jsonb - 'currency')
               || jsonb_build_object('cost', jsonb_build_object(
                      'amount', serialized_event::jsonb -> 'cost',
                      'currency', serialized_event::jsonb -> 'currency')))::text
         where event_type = 'org.ruleone.service.CaseResolved'
           and completion_date is null
           and jsonb_typeof(serialized_event::jsonb -> 'cost') = 'number';
    end if;
end $$;
