/** HTTP API for the ingestion cycle's counters: {@code /api/ingestion}. */
package io.kamea.web.ingestion;
