/**
 * Operator access: who may call the API (built-in users, API keys, tokens of an OIDC provider),
 * with which {@link io.kamea.access.Role}, and the audit trail of what they did.
 */
package io.kamea.access;
