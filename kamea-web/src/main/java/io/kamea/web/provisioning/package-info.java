/** HTTP API for device provisioning: {@code /api/devices}. */
package io.kamea.web.provisioning;
