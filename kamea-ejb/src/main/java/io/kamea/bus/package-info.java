/**
 * The JMS bus (ActiveMQ Artemis) that carries ingested data to the rest of the ingestion cycle.
 * The message format subscribers rely on is documented in docs/bus.md.
 */
package io.kamea.bus;
