/** HTTP API for bans: {@code /api/bans}, and banning a device's certificate or common name. */
package io.kamea.web.bans;
