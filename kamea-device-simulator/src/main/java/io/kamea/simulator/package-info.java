/**
 * The device simulator: provisions devices through the Kamea API, connects them to the broker
 * over MQTT/TLS (Vert.x clients on an event loop to publish, Paho otherwise), publishes
 * timestamped telemetry at a target rate, and measures what arrives downstream (on the bus's
 * raw-data topic or on a scratch AMQP queue); it also answers commands for the command
 * round-trip benchmark and holds thousands of idle connections for the connectivity benchmark.
 */
package io.kamea.simulator;
