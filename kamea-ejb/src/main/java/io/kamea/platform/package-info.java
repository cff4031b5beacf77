/**
 * What every feature stands on: the error vocabulary the API turns into problem bodies, the
 * limits of what requests and messages may carry, paging, the rules for logging what devices
 * chose and telling database outages from bad data, and the database migrations run when the
 * application starts.
 */
package io.kamea.platform;
