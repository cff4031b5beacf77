package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.broker.BrokerUnavailableException;
import io.kamea.platform.ArquillianWars;
import io.kamea.platform.InvalidRequestException;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Provisioning inside Payara Micro, on the real PostgreSQL (schema by Flyway at deployment) and
 * with the broker really unreachable: its management URL is a closed port on 127.0.0.1.
 */
@ExtendWith(ArquillianExtension.class)
class ProvisioningServiceIT {

    @Inject
    ProvisioningService provisioning;

    @Resource(lookup = "jdbc/kamea")
    DataSource dataSource;

    /** Names of the devices a test wrote itself, removed after it whatever happened. */
    private final String runTag = "it-" + UUID.randomUUID();

    @Deployment
    static WebArchive deployment() {
        return ArquillianWars.kameaEjb(ArquillianWars.UNREACHABLE_BROKER);
    }

    @AfterEach
    void removeOwnRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement delete = connection.prepareStatement("DELETE FROM device WHERE name LIKE ?")) {
            delete.setString(1, runTag + "%");
            delete.executeUpdate();
        }
    }

    @Test
    void brokerDownLeavesNoDevice() throws SQLException {
        String name = runTag + "-broker-down";

        Throwable thrown = unwrap(assertThrows(Throwable.class,
                () -> provisioning.provision(name, ProvisioningType.PASSWORD)));

        assertInstanceOf(BrokerUnavailableException.class, thrown);
        assertEquals(503, ((BrokerUnavailableException) thrown).status());
        assertEquals(0, devicesNamed(name), "the device row must roll back with the broker failure");
    }

    @Test
    void listPagesNewestFirst() throws SQLException {
        // Far in the future, so that these are the newest rows whatever else the database holds.
        OffsetDateTime base = OffsetDateTime.of(2999, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        String oldest = insertDevice(runTag + "-1", base.plusSeconds(1));
        String middle = insertDevice(runTag + "-2", base.plusSeconds(2));
        String newest = insertDevice(runTag + "-3", base.plusSeconds(3));

        DevicePage first = provisioning.list(0, 2);
        DevicePage second = provisioning.list(1, 2);

        assertEquals(List.of(newest, middle), first.items().stream().map(Device::getId).toList());
        assertEquals(oldest, second.items().get(0).getId());
        assertEquals(1, second.page());
        assertEquals(2, second.size());
        assertTrue(first.total() >= 3, () -> "total " + first.total());
        Device found = provisioning.find(newest);
        assertEquals(runTag + "-3", found.getName());
        assertEquals(ProvisioningType.PASSWORD, found.getProvisioning());
        assertEquals(Device.DEFAULT_CODEC, found.getCodec());
        assertTrue(found.getCreatedAt().isEqual(base.plusSeconds(3)), () -> "created " + found.getCreatedAt());
    }

    @Test
    void unknownDeviceIsNotFound() {
        String id = UUID.randomUUID().toString();

        Throwable thrown = unwrap(assertThrows(Throwable.class, () -> provisioning.find(id)));

        assertInstanceOf(DeviceNotFoundException.class, thrown);
    }

    @Test
    void impossiblePagesAreRejected() {
        assertInstanceOf(InvalidRequestException.class,
                unwrap(assertThrows(Throwable.class, () -> provisioning.list(-1, 10))));
        assertInstanceOf(InvalidRequestException.class,
                unwrap(assertThrows(Throwable.class, () -> provisioning.list(0, 501))));
    }

    @Test
    void blankNameIsRejectedBeforeTheBroker() {
        // Rejected as invalid, not as "broker unavailable": validation comes first.
        assertInstanceOf(InvalidRequestException.class,
                unwrap(assertThrows(Throwable.class, () -> provisioning.provision("  ", ProvisioningType.PASSWORD))));
    }

    private long devicesNamed(String name) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM device WHERE name = ?")) {
            count.setString(1, name);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private String insertDevice(String name, OffsetDateTime createdAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO device (id, name, interface_name, provisioning, created_at)"
                             + " VALUES (?, ?, ?, 'PASSWORD', ?)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setObject(4, createdAt);
            insert.executeUpdate();
        }
        return id;
    }

    /** Application exceptions arrive as they are; anything else the container wraps. */
    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
