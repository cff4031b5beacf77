/** {@code /api/keys}: admins make, list and revoke the API keys machines call the API with. */
package io.kamea.web.access.keys;
