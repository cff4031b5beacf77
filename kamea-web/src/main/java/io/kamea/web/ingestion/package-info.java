/**
 * HTTP API for the ingestion cycle: its counters ({@code /api/ingestion}) and the broker's stores
 * of messages not ingested ({@code /api/ingestion/rejected}).
 */
package io.kamea.web.ingestion;
