-- What a customer says they lost, on the case they opened about it; found items are matched against it.
create table lost_report (
    case_id      bigint      primary key references service_case (id) on delete cascade,
    description  text        not null check (btrim(description) <> ''),
    lost_on      date        not null,
    reported_by  bigint      not null references associate (id),
    reported_at  timestamptz not null
);
