package io.kamea.web.provisioning;

import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceTopics;
import io.kamea.provisioning.ProvisionedDevice;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A device as the API shows it; credentials appear only in the answer that created them. */
@Schema(name = "Device", description = "A device with its topics")
public record DeviceView(
        @Schema(description = "Kamea's id of the device (UUID)") String id,
        String name,
        @Schema(description = "The broker's name of the device: its login, MQTT client id and second topic level")
        String interfaceName,
        @Schema(enumeration = {"password", "certificate"}) String provisioning,
        @Schema(description = "How its telemetry payloads are decoded", example = "json") String codec,
        @Schema(description = "ISO-8601, UTC") String createdAt,
        List<TopicView> topics,
        @Schema(description = "Only in the answer to the provisioning of a password device: not shown again")
        Credentials credentials) {

    @Schema(name = "Topic", description = "An MQTT topic (filter) the device may use")
    public record TopicView(String topic, @Schema(enumeration = {"read", "write"}) String access) {

        static TopicView of(DeviceTopics.Topic topic) {
            return new TopicView(topic.filter(), topic.access().name().toLowerCase(Locale.ROOT));
        }
    }

    @Schema(name = "Credentials", description = "The device's MQTT login (also its client id) and password")
    public record Credentials(String login, String password) {
    }

    static DeviceView of(Device device) {
        return of(device, null);
    }

    static DeviceView of(ProvisionedDevice provisioned) {
        // A certificate device has no credentials to show: its certificate is all it needs.
        return of(provisioned.device(), provisioned.login() == null ? null
                : new Credentials(provisioned.login(), provisioned.password()));
    }

    private static DeviceView of(Device device, Credentials credentials) {
        return new DeviceView(device.getId(), device.getName(), device.getInterfaceName(),
                device.getProvisioning().wireName(), device.getCodec(), device.getCreatedAt().toInstant().toString(),
                device.topics().all().stream().map(TopicView::of).toList(), credentials);
    }
}
