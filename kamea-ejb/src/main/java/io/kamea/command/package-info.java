/**
 * Commands: requests published to a device, answered on its response topic within a deadline,
 * else failed. Command state lives in the database, so deadlines hold across restarts. Every
 * message on a response topic ends in one {@link io.kamea.command.ResponseOutcome}: it settles a
 * command, or it is rejected, counted and logged, and stored nowhere.
 */
package io.kamea.command;
