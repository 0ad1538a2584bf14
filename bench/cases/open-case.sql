-- pgbench's equivalent of opening a case through the API: one transaction with a service_case row and its first
-- case_message, for a random existing client (the API run added them, with consecutive ids, to the same database).
\set customer random(:cmin, :cmax)
BEGIN;
INSERT INTO service_case (store_id, customer_id, channel, subject, language, status, opened_at)
     VALUES (:store, :customer, 'WEB_FORM', 'pgbench', 'en', 'OPEN', now()) RETURNING id AS case_id \gset
INSERT INTO case_message (case_id, author_kind, body, created_at)
     VALUES (:case_id, 'CUSTOMER', 'Where is my parcel? It was due yesterday.', now());
END;
