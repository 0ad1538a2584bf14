-- When an associate was switched off, for the departures per year on the tenure page (ADR 0107). Null while active,
-- and for those deactivated before this column existed (counted as "date unknown").
alter table associate add column deactivated_at timestamptz;
