/**
 * Who calls the API and what they may do: Kamea's Jakarta Security authentication mechanism (API
 * keys, OIDC tokens, the UI's session), the deny-by-default check of every resource method's
 * {@code @RolesAllowed}/{@code @PermitAll}, the limit on failed logins, and the session resource
 * the UI logs in with.
 */
package io.kamea.web.access;
