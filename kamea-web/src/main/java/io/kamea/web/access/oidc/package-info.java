/**
 * OIDC / JWT bearer tokens from the operator's identity provider (Keycloak or any other OpenID
 * Connect provider): {@link io.kamea.web.access.oidc.OidcTokens} verifies a token's signature
 * against the provider's published keys (JWKS) and its claims (issuer, audience, lifetime), and
 * maps the groups it carries to a Kamea {@link io.kamea.access.Role}. Off unless configured
 * ({@code KAMEA_OIDC_ISSUER} and {@code KAMEA_OIDC_JWKS_URL}, docs/oidc.md). Kamea's own
 * authentication mechanism calls it for a bearer value that is not an API key; Payara's MP-JWT
 * mechanism is not used, since an application has one authentication mechanism.
 */
package io.kamea.web.access.oidc;
