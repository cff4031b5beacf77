/**
 * What every feature stands on: the error vocabulary the API turns into problem bodies, the
 * limits of what requests and messages may carry, paging, and the database migrations run when
 * the application starts.
 */
package io.kamea.platform;
