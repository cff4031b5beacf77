/**
 * TLS as every MQTT and AMQP client of Kamea sets it up: trust in the CA certificates of a PEM
 * file (the format the broker's PKI is distributed in), and sockets that send MQTT's small
 * packets at once.
 */
package io.kamea.contract.tls;
