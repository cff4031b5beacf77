package io.kamea.web.provisioning;

import io.kamea.contract.DeviceTopics;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceCertificate;
import io.kamea.provisioning.ProvisionedDevice;
import java.util.List;
import java.util.Locale;

/**
 * A device as the API shows it; credentials appear only in the answer that created them, the
 * certificate only for a device that uploaded one (self-signed). {@code status}: {@code active},
 * or {@code pending} for an auto-provisioned device waiting for approval. {@code disabled}: whether
 * an operator (or a ban) shut it out, since {@code disabledAt}; apart from its status.
 */
public record DeviceView(String id, String name, String interfaceName, String provisioning, String status,
                         boolean disabled, String disabledAt, String codec, String createdAt,
                         List<TopicView> topics, Credentials credentials, CertificateView certificate) {

    public record TopicView(String topic, String access) {

        static TopicView of(DeviceTopics.Topic topic) {
            return new TopicView(topic.filter(), topic.access().name().toLowerCase(Locale.ROOT));
        }
    }

    public record Credentials(String login, String password) {
    }

    /** What identifies the uploaded certificate; the certificate itself stays in the server. */
    public record CertificateView(String fingerprintSha256, String notAfter, String subject) {

        static CertificateView of(DeviceCertificate certificate) {
            return certificate == null ? null : new CertificateView(certificate.getFingerprintSha256(),
                    certificate.getNotAfter().toString(), certificate.getSubject());
        }
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
                device.getProvisioning().wireName(), device.getStatus().wireName(), device.isDisabled(),
                device.isDisabled() ? device.getDisabledAt().toInstant().toString() : null, device.getCodec(),
                device.getCreatedAt().toInstant().toString(),
                device.topics().all().stream().map(TopicView::of).toList(), credentials,
                CertificateView.of(device.getCertificate()));
    }
}
