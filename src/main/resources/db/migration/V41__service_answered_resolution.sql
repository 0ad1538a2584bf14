-- A case that needed only an answer is resolved as ANSWERED: nothing given, nothing spent.
alter table resolution drop constraint resolution_kind_check;
alter table resolution add constraint resolution_kind_check
    check (kind in ('REFUND', 'EXCHANGE', 'REPLACEMENT_SHIPPED', 'GOODWILL', 'ALTERATION', 'AFTER_HOURS_VISIT',
                    'LIFETIME_GUARANTEE', 'LOST_AND_FOUND', 'ANSWERED'));
