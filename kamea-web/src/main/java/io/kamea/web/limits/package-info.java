/**
 * Limits on what an HTTP request may carry: every body is read bounded, by the limit of its
 * operation ({@link io.kamea.web.limits.BodyLimit}), and a JSON body is checked for depth before
 * anything binds it. The numbers are {@link io.kamea.platform.RequestLimits}.
 */
package io.kamea.web.limits;
