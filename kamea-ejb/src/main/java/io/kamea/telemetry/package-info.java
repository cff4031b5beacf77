/** Telemetry: opaque payloads devices send, forwarded to the raw-data topic of the bus. */
package io.kamea.telemetry;
