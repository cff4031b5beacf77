/** HTTP API for commands: {@code /api/devices/{id}/commands} and {@code /api/commands/{id}}. */
package io.kamea.web.command;
