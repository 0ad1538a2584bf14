-- A follow-up case opened by an unhappy survey answer (issue 11, ADR 0095) comes through its own channel, SURVEY,
-- with its own service standard ("contact within 1 business day").
alter table service_case drop constraint service_case_channel_check;
alter table service_case add constraint service_case_channel_check
    check (channel in ('IN_STORE', 'PHONE', 'EMAIL', 'WEB_FORM', 'SURVEY'));

-- standards' table lists the same service.Channel values: widened here with the enum it mirrors, so the two never
-- disagree between migrations (a store saving its standards writes a row for every channel).
alter table service_standard drop constraint service_standard_channel_check;
alter table service_standard add constraint service_standard_channel_check
    check (channel in ('IN_STORE', 'PHONE', 'EMAIL', 'WEB_FORM', 'SURVEY'));
