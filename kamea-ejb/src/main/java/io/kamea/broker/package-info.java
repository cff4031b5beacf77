/**
 * RabbitMQ, seen from Kamea: its management API (through a MicroProfile REST Client), the broker
 * accounts and permissions that confine each device to its own topics, and the API's own MQTT
 * session, which acknowledges every message it receives once handled, whatever became of it.
 */
package io.kamea.broker;
