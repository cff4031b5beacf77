package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.kamea.broker.BrokerAccounts;
import io.kamea.broker.BrokerSettings;
import io.kamea.broker.RabbitManagementApi.ExistingUser;
import io.kamea.broker.ServiceAccounts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Accounts of devices made before Kamea tagged them are tagged; nothing else is touched. */
class DeviceAccountUpgradeTest {

    @Test
    @SuppressWarnings("unchecked")
    void untaggedDeviceAccountsAreTaggedAndPinnedAndOtherUsersLeftAlone() throws Exception {
        DeviceAccountUpgrade upgrade = new DeviceAccountUpgrade();
        upgrade.broker = mock(BrokerAccounts.class);
        upgrade.em = mock(EntityManager.class);
        BrokerSettings settings = mock(BrokerSettings.class);
        when(settings.login()).thenReturn("kamea-admin");
        upgrade.serviceAccounts = ServiceAccounts.of(settings, "kamea-api", "kamea-api");

        Device password = Device.withPassword("boiler");
        DeviceCertificate certificate;
        try (InputStream in = getClass().getResourceAsStream("certificates/rsa-2048.pem")) {
            certificate = SelfSignedCertificates.validate(new String(in.readAllBytes(), StandardCharsets.US_ASCII),
                    io.kamea.platform.RequestLimits.defaults(), Instant.parse("2030-01-01T00:00:00Z")).certificate();
        }
        Device selfSigned = Device.withSelfSignedCertificate("thermo", "device-rsa", certificate);
        ExistingUser passwordUser = new ExistingUser(password.getInterfaceName(), "hash", "rabbit_password_hashing_sha256", List.of());
        ExistingUser selfSignedUser = new ExistingUser("device-rsa", "", "rabbit_password_hashing_sha256", List.of());
        ExistingUser operator = new ExistingUser("operator", "hash", "rabbit_password_hashing_sha256", List.of("management"));
        ExistingUser admin = new ExistingUser("kamea-admin", "hash", "rabbit_password_hashing_sha256", List.of("administrator"));
        when(upgrade.broker.untaggedUsers()).thenReturn(List.of(passwordUser, selfSignedUser, operator, admin));
        TypedQuery<Device> query = mock(TypedQuery.class);
        when(upgrade.em.createQuery(Queries.DEVICES_BY_INTERFACE_NAMES, Device.class)).thenReturn(query);
        when(query.setParameter(eq("names"), anyList())).thenReturn(query);
        when(query.getResultList()).thenReturn(List.of(password, selfSigned));

        assertEquals(2, upgrade.tagUntaggedDevices());

        verify(upgrade.broker).tagAsDevice(passwordUser, null);
        verify(upgrade.broker).tagAsDevice(selfSignedUser, certificate.getFingerprintSha256());
        verify(upgrade.broker, never()).tagAsDevice(eq(operator), any());
        verify(upgrade.broker, never()).tagAsDevice(eq(admin), any());
        ArgumentCaptor<List<String>> asked = ArgumentCaptor.forClass(List.class);
        verify(query).setParameter(eq("names"), asked.capture());
        assertEquals(false, asked.getValue().contains("kamea-admin"), "a service account is never looked up as a device");
    }
}
