/**
 * HTTP API for the broker alone: {@code /api/broker-auth/{user,vhost,resource,topic}}, the
 * endpoints of RabbitMQ's HTTP authentication backend, guarded by the broker's secret.
 */
package io.kamea.web.brokerauth;
