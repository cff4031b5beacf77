package io.kamea.brokerauth;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerSettings;
import io.kamea.broker.BrokerUnavailableException;
import io.kamea.broker.ServiceAccounts;
import io.kamea.provisioning.AutoProvisioning;
import io.kamea.provisioning.AutoProvisioningSettings;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceStatus;
import io.kamea.provisioning.DuplicateDeviceException;
import io.kamea.provisioning.ProvisioningType;
import io.kamea.provisioning.bans.Ban;
import io.kamea.provisioning.bans.BanList;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Kamea's answers to the broker, with the device registry faked. */
class BrokerAuthorizationTest {

    private static final String VHOST = "kamea";
    private static final String CN = "sensor-17";

    private final BrokerAuthorization authorization = new BrokerAuthorization();
    private final AutoProvisioning devices = mock(AutoProvisioning.class);
    private final BrokerSettings broker = mock(BrokerSettings.class);
    private final AutoProvisioningSettings settings = mock(AutoProvisioningSettings.class);
    private final BanList bans = mock(BanList.class);

    @BeforeEach
    void wire() {
        authorization.devices = devices;
        authorization.broker = broker;
        authorization.serviceAccounts = ServiceAccounts.of(broker, "kamea-api", "kamea-api");
        authorization.autoProvisioning = settings;
        authorization.bans = bans;
        when(settings.enabled()).thenReturn(true);
        when(broker.login()).thenReturn("kamea-admin");
        when(broker.vhost()).thenReturn(VHOST);
        when(devices.byInterfaceName(anyString())).thenReturn(Optional.empty());
    }

    // --- user ----------------------------------------------------------------------------------

    @Test
    void certificateLoginOfAnUnknownCommonNameCreatesTheDevice() {
        assertTrue(authorization.mayLogIn(CN, false));
        verify(devices).register(CN);
    }

    @Test
    void unknownCommonNameIsRefusedWhenAutoProvisioningIsOff() {
        when(settings.enabled()).thenReturn(false);
        assertFalse(authorization.mayLogIn(CN, false));
        verify(devices, never()).register(anyString());
    }

    @Test
    void passwordLoginIsRefusedAndCreatesNothing() {
        assertFalse(authorization.mayLogIn(CN, true));
        knows(Device.withPassword("boiler"));
        assertFalse(authorization.mayLogIn("boiler", true), "a password device with a wrong password");
        verify(devices, never()).register(anyString());
    }

    @Test
    void serviceAccountsAreRefused() {
        assertFalse(authorization.mayLogIn("kamea-admin", false));
        assertFalse(authorization.mayLogIn("kamea-api", false));
        assertFalse(authorization.mayLogIn("kamea-api-7", false), "a variant of the API's client id");
        assertFalse(authorization.mayLogIn(null, false));
        verify(devices, never()).register(anyString());
    }

    @Test
    void commonNameThatCannotBeAnInterfaceNameIsRefused() {
        for (String cn : new String[] {"", "a.b", "a/b", "*", "#", "a+b", "with space", "x".repeat(65)}) {
            assertFalse(authorization.mayLogIn(cn, false), cn);
        }
        verify(devices, never()).register(anyString());
    }

    @Test
    void autoProvisionedDeviceLogsInAgainWithoutBeingCreatedTwice() {
        knows(Device.autoProvisioned(CN, DeviceStatus.PENDING));
        assertTrue(authorization.mayLogIn(CN, false));
        verify(devices, never()).register(anyString());
    }

    @Test
    void otherDevicesAreNotTakenOverThroughThisBackend() {
        knows(Device.withCertificate("boiler", CN));
        assertFalse(authorization.mayLogIn(CN, false), "a manual certificate device has its own account");
        verify(devices, never()).register(anyString());
    }

    @Test
    void loserOfARaceForTheSameCommonNameUsesTheWinnersDevice() {
        when(devices.register(CN)).thenThrow(new DuplicateDeviceException(CN));
        when(devices.byInterfaceName(CN)).thenReturn(Optional.empty(),
                Optional.of(Device.autoProvisioned(CN, DeviceStatus.ACTIVE)));
        assertTrue(authorization.mayLogIn(CN, false));
    }

    @Test
    void commonNameUsedAsAnotherDevicesNameIsRefused() {
        when(devices.register(CN)).thenThrow(new DuplicateDeviceException(CN));
        assertFalse(authorization.mayLogIn(CN, false));
    }

    @Test
    void deviceThatCannotBeCreatedIsRefused() {
        when(devices.register(CN)).thenThrow(new BrokerUnavailableException("down", null));
        assertFalse(authorization.mayLogIn(CN, false));
    }

    @Test
    void bannedCommonNameIsNeverAutoProvisioned() {
        when(bans.ofCommonName(CN)).thenReturn(Optional.of(mock(Ban.class)));
        assertFalse(authorization.mayLogIn(CN, false));
        verify(devices, never()).register(anyString());
    }

    @Test
    void disabledDeviceIsRefusedEverything() {
        Device disabled = mock(Device.class);
        when(disabled.getInterfaceName()).thenReturn(CN);
        when(disabled.getProvisioning()).thenReturn(ProvisioningType.AUTO);
        when(disabled.getStatus()).thenReturn(DeviceStatus.ACTIVE);
        when(disabled.isDisabled()).thenReturn(true);
        knows(disabled);

        assertFalse(authorization.mayLogIn(CN, false));
        assertFalse(authorization.mayEnter(CN, VHOST, CN));
        assertFalse(authorization.mayUseResource(CN, VHOST, "exchange", "amq.topic", "read"));
        assertFalse(topic("device." + CN + ".configs.desired", "read"));
        verify(devices, never()).register(anyString());
    }

    // --- vhost, resources ------------------------------------------------------------------------

    @Test
    void knownDeviceEntersTheDevicesVirtualHostOnly() {
        knows(Device.autoProvisioned(CN, DeviceStatus.ACTIVE));
        assertTrue(authorization.mayEnter(CN, VHOST, CN));
        assertFalse(authorization.mayEnter(CN, "/", CN));
        assertFalse(authorization.mayEnter("stranger", VHOST, "stranger"));
    }

    @Test
    void deviceConnectsOverMqttWithItsOwnLoginAsClientIdOnly() {
        knows(Device.autoProvisioned(CN, DeviceStatus.ACTIVE));
        assertTrue(authorization.mayEnter(CN, VHOST, CN));
        assertFalse(authorization.mayEnter(CN, VHOST, "kamea-api"), "the API's client id");
        assertFalse(authorization.mayEnter(CN, VHOST, "other-device"), "another device's client id");
        assertFalse(authorization.mayEnter(CN, VHOST, null), "AMQP: no client id");
    }

    @Test
    void deviceUsesItsOwnSubscriptionQueuesAndTheMqttExchangeOnly() {
        knows(Device.autoProvisioned(CN, DeviceStatus.PENDING));
        for (String permission : new String[] {"configure", "write", "read"}) {
            assertTrue(authorization.mayUseResource(CN, VHOST, "queue", "mqtt-subscription-" + CN + "qos1", permission));
            assertTrue(authorization.mayUseResource(CN, VHOST, "queue", "mqtt-subscription-" + CN + "qos0", permission));
            assertFalse(authorization.mayUseResource(CN, VHOST, "queue", "mqtt-subscription-otherqos1", permission));
            assertFalse(authorization.mayUseResource(CN, VHOST, "queue", "kamea.telemetry", permission));
            assertFalse(authorization.mayUseResource(CN, "/", "queue", "mqtt-subscription-" + CN + "qos1", permission));
        }
        assertTrue(authorization.mayUseResource(CN, VHOST, "exchange", "amq.topic", "write"));
        assertTrue(authorization.mayUseResource(CN, VHOST, "exchange", "amq.topic", "read"));
        assertFalse(authorization.mayUseResource(CN, VHOST, "exchange", "amq.topic", "configure"));
        assertFalse(authorization.mayUseResource(CN, VHOST, "exchange", "amq.rabbitmq.event", "read"));
        assertFalse(authorization.mayUseResource("stranger", VHOST, "exchange", "amq.topic", "write"));
    }

    // --- topics ----------------------------------------------------------------------------------

    @Test
    void activeDeviceUsesItsFiveTopicsWithTheirRights() {
        knows(Device.autoProvisioned(CN, DeviceStatus.ACTIVE));
        String own = "device." + CN + ".";
        assertTrue(topic(own + "telemetries", "write"));
        assertTrue(topic(own + "configs.reported", "write"));
        assertTrue(topic(own + "command.response.42", "write"));
        assertTrue(topic(own + "configs.desired", "read"));
        assertTrue(topic(own + "command.request.#", "read"));

        assertFalse(topic(own + "configs.desired", "write"), "desired configurations come from Kamea");
        assertFalse(topic(own + "telemetries", "read"));
        assertFalse(topic("device.other.telemetries", "write"));
        assertFalse(topic("device.other.configs.desired", "read"));
        assertFalse(topic("device.*.configs.desired", "read"));
        assertFalse(topic("#", "read"));
        assertFalse(authorization.mayUseTopic(CN, VHOST, "amq.direct", own + "telemetries", "write"));
        assertFalse(authorization.mayUseTopic("stranger", VHOST, "amq.topic", "device.stranger.telemetries", "write"));
    }

    @Test
    void pendingDeviceReadsItsTopicsButPublishesNothing() {
        knows(Device.autoProvisioned(CN, DeviceStatus.PENDING));
        String own = "device." + CN + ".";
        assertTrue(topic(own + "configs.desired", "read"));
        assertTrue(topic(own + "command.request.#", "read"));
        assertFalse(topic(own + "telemetries", "write"));
        assertFalse(topic(own + "configs.reported", "write"));
        assertFalse(topic(own + "command.response.42", "write"));
    }

    private boolean topic(String routingKey, String permission) {
        return authorization.mayUseTopic(CN, VHOST, "amq.topic", routingKey, permission);
    }

    private void knows(Device device) {
        when(devices.byInterfaceName(device.getInterfaceName())).thenReturn(Optional.of(device));
    }
}
