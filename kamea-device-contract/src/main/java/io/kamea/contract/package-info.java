/**
 * The device contract: the MQTT topics of a device and their parsing, the AMQP routing keys
 * RabbitMQ's MQTT plugin turns them into, the broker permissions that confine a device to them,
 * and the header names of the bus messages the ingestion forwards. The one place these are
 * spelled; the MQTT interface devices follow is docs/api.md and the spec it implements.
 */
package io.kamea.contract;
