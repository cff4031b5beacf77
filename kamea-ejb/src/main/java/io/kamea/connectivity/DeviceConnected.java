package io.kamea.connectivity;

/**
 * CDI event: a device became connected. Fired after the new state is committed, synchronously,
 * outside any transaction and outside the tracker's lock; observe it with {@code @Observes}. An
 * observer's exception is logged and does not undo the state.
 *
 * @param deviceId the device's Kamea id
 * @param interfaceName its broker login, MQTT client id and topic segment
 */
public record DeviceConnected(String deviceId, String interfaceName) {
}
