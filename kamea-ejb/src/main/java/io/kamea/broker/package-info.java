/**
 * RabbitMQ, seen from Kamea: its management API (through a MicroProfile REST Client) and the
 * broker accounts and permissions that confine each device to its own topics.
 */
package io.kamea.broker;
