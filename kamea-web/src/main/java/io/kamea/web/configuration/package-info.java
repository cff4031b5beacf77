/** HTTP API for device configurations: {@code /api/devices/{id}/configurations}. */
package io.kamea.web.configuration;
