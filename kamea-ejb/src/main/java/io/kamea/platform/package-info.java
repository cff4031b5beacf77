/**
 * What every feature stands on: the error vocabulary the API turns into problem bodies, and the
 * database migrations run when the application starts.
 */
package io.kamea.platform;
