/**
 * MicroProfile Health checks for operators and orchestrators: liveness (the application runs) and
 * readiness (database, broker management API, the API's MQTT session, bus), each bounded in time
 * so a hung dependency answers DOWN instead of hanging the probe. {@code /health} is open to
 * anyone who reaches the server: the checks tell their name, UP or DOWN and, when DOWN, a reason
 * without detail ({@code timeout}, or the failure's type); URLs, users and client ids stay out of
 * them, and the full failure goes to the server's log.
 */
package io.kamea.health;
