package io.kamea.ingestion;

import io.kamea.provisioning.DeviceDirectory;
import io.kamea.provisioning.DeviceDirectory.DeviceInfo;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The devices that sent a batch, looked up once for the whole batch. */
public final class SendingDevices {

    private final Map<String, DeviceInfo> byInterfaceName;

    private SendingDevices(Map<String, DeviceInfo> byInterfaceName) {
        this.byInterfaceName = byInterfaceName;
    }

    public static SendingDevices of(DeviceDirectory directory, List<IncomingMessage> batch) {
        return new SendingDevices(directory.byInterfaceNames(batch.stream()
                .map(IncomingMessage::interfaceName).filter(Objects::nonNull).distinct().toList()));
    }

    /** The device that sent the message, or null if its routing key names no device. */
    public DeviceInfo of(IncomingMessage message) {
        return message.interfaceName() == null ? null : byInterfaceName.get(message.interfaceName());
    }

    public Collection<DeviceInfo> all() {
        return byInterfaceName.values();
    }

    /** Why a message of no known device is refused. */
    public static RejectedMessage unknown(int index, IncomingMessage message) {
        return new RejectedMessage(index, "unknown-device: no device with interface name '"
                + message.interfaceName() + "' (routing key " + message.routingKey() + ")");
    }
}
