-- Surveys (issue 11): a client may opt out of surveys, recorded with its proof like the marketing consents. Unlike
-- them, a client never asked is asked (the survey is part of the service, not marketing); only a withdrawal stops it.
alter table consent drop constraint consent_channel_check;
alter table consent add constraint consent_channel_check check (channel in ('EMAIL', 'POST', 'SURVEY'));

-- The survey decision in force per client (ADR 0089): experience reads it, never the consent table.
create view customer_survey_consent as
select customer_id,
       (array_agg(granted order by recorded_at desc, id desc))[1] as granted
  from consent
 where channel = 'SURVEY'
 group by customer_id;
