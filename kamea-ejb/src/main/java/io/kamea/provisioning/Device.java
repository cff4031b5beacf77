package io.kamea.provisioning;

import io.kamea.contract.DeviceTopics;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A device known to Kamea. Its interface name is how the broker knows it (login and topic
 * segment); it is system metadata, fixed at provisioning. Whether it is disabled is kept apart
 * from its {@link DeviceStatus status}: approval and an operator's switch are two questions, and a
 * pending device disabled then enabled again must still wait for approval.
 */
@Entity
@Table(name = "device")
public class Device {

    public static final String DEFAULT_CODEC = "json";

    @Id
    @Column(length = 36)
    private String id;

    @Column(nullable = false, unique = true)
    private String name;

    @Column(name = "interface_name", nullable = false, unique = true)
    private String interfaceName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProvisioningType provisioning;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DeviceStatus status;

    @Column(nullable = false)
    private String codec;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    /** When the device was disabled ({@link DeviceDisabling}); null while it is enabled. */
    @Column(name = "disabled_at")
    private OffsetDateTime disabledAt;

    /** The uploaded certificate of a self-signed device; null for every other device. */
    @Embedded
    private DeviceCertificate certificate;

    protected Device() {
        // for JPA
    }

    private Device(String name, String interfaceName, ProvisioningType provisioning) {
        this.id = UUID.randomUUID().toString();
        this.name = name;
        this.interfaceName = interfaceName;
        this.provisioning = provisioning;
        this.status = DeviceStatus.ACTIVE;
        this.codec = DEFAULT_CODEC;
        this.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** A device that logs in with a generated password; nothing about it is guessable. */
    public static Device withPassword(String name) {
        return new Device(name, UUID.randomUUID().toString(), ProvisioningType.PASSWORD);
    }

    /**
     * A device that logs in with a client certificate from a whitelisted CA: the broker knows it
     * by the certificate's common name, which must be a {@link CommonNames#valid valid} one.
     */
    public static Device withCertificate(String name, String commonName) {
        return new Device(name, commonName, ProvisioningType.CERTIFICATE);
    }

    /**
     * A device that logs in with a self-signed certificate uploaded at provisioning: the broker
     * knows it by the certificate's common name, and whitelists the certificate itself.
     */
    public static Device withSelfSignedCertificate(String name, String commonName, DeviceCertificate certificate) {
        Device device = new Device(name, commonName, ProvisioningType.SELF_SIGNED);
        device.certificate = certificate;
        return device;
    }

    /**
     * A device that declared itself by connecting with a certificate from a whitelisted CA: its
     * name and interface name are the certificate's common name, a {@link CommonNames#valid valid}
     * one. It starts {@link DeviceStatus#PENDING pending} when an operator must approve it.
     */
    public static Device autoProvisioned(String commonName, DeviceStatus status) {
        Device device = new Device(commonName, commonName, ProvisioningType.AUTO);
        device.status = status;
        return device;
    }

    /** Lets a pending device publish; an active device stays as it is. */
    void activate() {
        status = DeviceStatus.ACTIVE;
    }

    void disable(OffsetDateTime at) {
        disabledAt = at;
    }

    void enable() {
        disabledAt = null;
    }

    public String getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public String getInterfaceName() {
        return interfaceName;
    }

    public ProvisioningType getProvisioning() {
        return provisioning;
    }

    public DeviceStatus getStatus() {
        return status;
    }

    public boolean isPending() {
        return status == DeviceStatus.PENDING;
    }

    public boolean isDisabled() {
        return disabledAt != null;
    }

    /** When the device was disabled, null while it is enabled. */
    public OffsetDateTime getDisabledAt() {
        return disabledAt;
    }

    /**
     * Whether the broker has an account for this device: every device but an auto-provisioned
     * one still pending approval, which the broker asks Kamea about instead (io.kamea.brokerauth).
     */
    public boolean hasBrokerAccount() {
        return provisioning != ProvisioningType.AUTO || status == DeviceStatus.ACTIVE;
    }

    public String getCodec() {
        return codec;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    /** The uploaded certificate of a self-signed device, null for every other device. */
    public DeviceCertificate getCertificate() {
        return certificate;
    }

    public DeviceTopics topics() {
        return DeviceTopics.of(interfaceName);
    }
}
