/**
 * MicroProfile Health checks for operators and orchestrators: liveness (the application runs) and
 * readiness (database, broker management API, the API's MQTT session, bus), each bounded in time
 * so a hung dependency answers DOWN instead of hanging the probe.
 */
package io.kamea.health;
