/**
 * Commands: requests published to a device, answered on its response topic within a deadline,
 * else failed. Command state lives in the database, so deadlines hold across restarts.
 */
package io.kamea.command;
