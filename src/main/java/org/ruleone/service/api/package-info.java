/**
 * The REST API for cases ({@code /api/cases}), authenticated with API tokens; every POST is made safe to retry by an
 * {@code Idempotency-Key}.
 */
package org.ruleone.service.api;
