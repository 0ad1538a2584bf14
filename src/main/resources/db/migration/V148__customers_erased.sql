-- An erased client keeps its row (its facts hang on it) under a pseudonym; erased_at says it is one (ADR 0117).
alter table customer add column erased_at timestamptz;
