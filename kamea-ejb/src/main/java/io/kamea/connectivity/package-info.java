/**
 * Connectivity of devices: whether each one is connected to the broker, since when, and its
 * recent transitions, kept from RabbitMQ's connection events and reconciled by a periodic poll of
 * the management API (see docs/connectivity.md).
 */
package io.kamea.connectivity;
