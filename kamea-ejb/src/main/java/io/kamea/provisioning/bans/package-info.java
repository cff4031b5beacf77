/**
 * Bans: a certificate signed by a whitelisted CA refused by its fingerprint, without
 * un-whitelisting its CA, and a certificate common name that never provisions itself again. The
 * list is Kamea's (table {@code device_ban}); the broker gets the certificates' part of it.
 */
package io.kamea.provisioning.bans;
