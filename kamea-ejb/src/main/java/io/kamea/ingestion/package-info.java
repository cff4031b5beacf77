/**
 * The ingestion cycle's first step: messages devices published, taken from the broker's queues,
 * matched to their device and forwarded to the bus with their ingestion information (payload,
 * device, codec, received timestamp, message id).
 */
package io.kamea.ingestion;
