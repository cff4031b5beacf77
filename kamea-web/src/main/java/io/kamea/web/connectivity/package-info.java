/** {@code /api/devices/{id}/connectivity}: whether a device is connected, and its recent transitions. */
package io.kamea.web.connectivity;
