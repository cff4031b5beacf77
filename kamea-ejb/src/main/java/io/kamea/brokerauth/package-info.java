/**
 * The broker's second authentication and authorisation backend (rabbitmq_auth_backend_http): the
 * answers to RabbitMQ's questions about users its own database does not know, which is how
 * devices with a certificate from a whitelisted CA provision themselves (auto-provisioning).
 */
package io.kamea.brokerauth;
