/** {@code /api/broker}: how devices reach the broker, for the operator who sets them up. */
package io.kamea.web.broker;
