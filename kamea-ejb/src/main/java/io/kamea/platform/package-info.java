/**
 * What every feature stands on: the error vocabulary the API turns into problem bodies, the
 * database migrations run when the application starts, the limits on device messages, and the
 * rules for logging what devices chose and telling database outages from bad data.
 */
package io.kamea.platform;
