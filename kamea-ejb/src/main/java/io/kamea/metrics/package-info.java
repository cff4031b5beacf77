/**
 * MicroProfile Metrics (application scope, {@code /metrics?scope=application}): ingestion,
 * command and connectivity metrics, kept from the CDI events the features fire, and the depth of
 * the rejected-message queues, read from a cache the ingestion feature keeps. Only this package
 * uses the metrics API, so the application deploys where it is missing (CDI then skips these
 * beans) and the features carry no metrics code.
 */
package io.kamea.metrics;
