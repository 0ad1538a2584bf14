-- A manager's judgement of a client's later case in the "too little" review: the same problem coming back (a repeat
-- contact, counted) or another topic (not counted). Absent until someone judges.
create table review_second_contact (
    case_id        bigint      not null,
    other_case_id  bigint      not null,
    same_problem   boolean     not null,
    judged_by      bigint      not null,
    judged_at      timestamptz not null,
    primary key (case_id, other_case_id)
);
