package io.kamea.simulator;

/**
 * A provisioned device as the simulator needs it: the API id (to delete it) and its MQTT
 * credentials (login = client id = interface name).
 */
public record DeviceCredentials(String id, String name, String login, String password) {
}
