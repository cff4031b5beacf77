package io.kamea.configuration;

import io.kamea.broker.MqttGateway;
import io.kamea.connectivity.DeviceConnected;
import io.kamea.platform.RequestLimits;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceNotFoundException;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/**
 * Sets desired configurations. Each one is the whole set (a missing key is removed), stored with
 * an increasing version and published retained, so a device subscribing later, even for the
 * first time, receives it.
 */
@Stateless
public class DesiredConfigurationService {

    @PersistenceContext
    EntityManager em;

    @Inject
    MqttGateway mqtt;

    @Inject
    RequestLimits limits;

    /**
     * Stores and publishes; if the broker does not take it, nothing is stored (503). A document
     * larger than {@link RequestLimits#maxConfigurationBytes()} is refused (413) first.
     */
    public DesiredConfiguration replace(Device device, JsonObject document) {
        String text = document.toString();
        limits.checkConfiguration(text);
        if (!lockDevice(device)) {
            throw new DeviceNotFoundException(device.getId());
        }
        DesiredConfiguration desired = em.find(DesiredConfiguration.class, device.getId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (desired == null) {
            desired = new DesiredConfiguration(device.getId());
            em.persist(desired);
        }
        desired.replace(text, OffsetDateTime.now(ZoneOffset.UTC));
        em.flush();
        publish(device, desired);
        return desired;
    }

    public Optional<DesiredConfiguration> current(String deviceId) {
        return Optional.ofNullable(em.find(DesiredConfiguration.class, deviceId));
    }

    /**
     * Publishes the current desired configuration again. RabbitMQ keeps a retained message only on
     * the node that received it, so a device reconnecting to another node gets it this way.
     */
    public void republish(Device device) {
        // Under the row lock, like replace(): a re-publication reading the previous version must
        // not reach the broker after the new one and become the retained message.
        if (!lockDevice(device)) {
            return; // deleted meanwhile
        }
        DesiredConfiguration desired = em.find(DesiredConfiguration.class, device.getId(),
                LockModeType.PESSIMISTIC_WRITE);
        if (desired != null) {
            publish(device, desired);
        }
    }

    /**
     * The device's row, locked as deleting the device locks it: a publication and the deletion's
     * clearing of the retained configuration then reach the broker in the order of their
     * transactions, and a device deleted meanwhile gets nothing published. False if it is gone.
     */
    private boolean lockDevice(Device device) {
        return em.find(Device.class, device.getId(), LockModeType.PESSIMISTIC_WRITE) != null;
    }

    /**
     * A device (re)connected: give it its desired configuration again, in case the retained copy
     * is on another node of the cluster.
     */
    public void onConnected(@Observes DeviceConnected connected) {
        Device device = em.find(Device.class, connected.deviceId());
        if (device != null) {
            republish(device);
        }
    }

    private void publish(Device device, DesiredConfiguration desired) {
        mqtt.publish(device.topics().desiredConfiguration(),
                desired.getDocument().getBytes(StandardCharsets.UTF_8), true);
    }
}
