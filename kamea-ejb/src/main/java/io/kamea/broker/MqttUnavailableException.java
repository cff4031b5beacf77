package io.kamea.broker;

import io.kamea.platform.KameaException;

/** The API's MQTT client is disabled or not connected, so nothing could be sent to a device. */
public class MqttUnavailableException extends KameaException {

    public MqttUnavailableException(String detail, Throwable cause) {
        super(503, "MQTT unavailable", detail, cause);
    }
}
