package io.kamea.provisioning.bans;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.broker.BrokerUnavailableException;
import io.kamea.platform.ArquillianWars;
import io.kamea.provisioning.Device;
import io.kamea.provisioning.DeviceDisabling;
import io.kamea.provisioning.DeviceListing;
import io.kamea.provisioning.ProvisioningService;
import io.kamea.provisioning.ProvisioningType;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Bans and disabling inside Payara Micro, on the real PostgreSQL (the table lock, the row lock,
 * the queries) and with the broker really unreachable: whatever needs the broker rolls back.
 */
@ExtendWith(ArquillianExtension.class)
class BanServiceIT {

    @Inject
    BanService bans;

    @Inject
    BanList banList;

    @Inject
    DeviceDisabling disabling;

    @Inject
    ProvisioningService provisioning;

    @Resource(lookup = "jdbc/kamea")
    DataSource dataSource;

    private final String runTag = "it-" + UUID.randomUUID();

    @Deployment
    static WebArchive deployment() {
        return ArquillianWars.kameaEjb(ArquillianWars.UNREACHABLE_BROKER);
    }

    @AfterEach
    void removeOwnRows() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement bansOfRun = connection.prepareStatement("DELETE FROM device_ban WHERE reason = ?");
             PreparedStatement devicesOfRun = connection.prepareStatement("DELETE FROM device WHERE name LIKE ?")) {
            bansOfRun.setString(1, runTag);
            bansOfRun.executeUpdate();
            devicesOfRun.setString(1, runTag + "%");
            devicesOfRun.executeUpdate();
        }
    }

    @Test
    void aCommonNameOfNoDeviceIsBannedOnceRefusedToProvisioningAndLifted() {
        String cn = runTag + "-cn";
        Ban ban = bans.banCommonName(cn, runTag);

        assertEquals(ban.getId(), banList.ofCommonName(cn).orElseThrow().getId());
        assertEquals(ban.getId(), bans.find(ban.getId()).getId());
        assertInstanceOf(DuplicateBanException.class, unwrap(assertThrows(Throwable.class,
                () -> bans.banCommonName(cn, runTag))));
        // Refused before the broker is asked anything (it would answer 503).
        assertInstanceOf(BannedException.class, unwrap(assertThrows(Throwable.class,
                () -> provisioning.provision(runTag + "-device", ProvisioningType.CERTIFICATE, cn))));

        bans.lift(ban.getId());
        assertTrue(banList.ofCommonName(cn).isEmpty());
        assertInstanceOf(BanNotFoundException.class, unwrap(assertThrows(Throwable.class, () -> bans.lift(ban.getId()))));
    }

    @Test
    void aCertificateBanTheBrokerCannotTakeLeavesNoBan() throws SQLException {
        String fingerprint = HexFormat.of().formatHex(randomBytes(32));

        Throwable thrown = unwrap(assertThrows(Throwable.class, () -> bans.banCertificate(fingerprint, runTag)));

        // Past the table lock and the insert, refused by the broker: rolled back.
        assertInstanceOf(BrokerUnavailableException.class, thrown);
        assertEquals(0, count("SELECT count(*) FROM device_ban WHERE fingerprint_sha256 = ?", fingerprint));
    }

    @Test
    void aDisablingTheBrokerCannotTakeLeavesTheDeviceEnabled() throws SQLException {
        String id = insertDevice(runTag + "-enabled", null);

        Throwable thrown = unwrap(assertThrows(Throwable.class, () -> disabling.disable(id)));

        assertInstanceOf(BrokerUnavailableException.class, thrown);
        assertEquals(0, count("SELECT count(*) FROM device WHERE id = ? AND disabled_at IS NOT NULL", id));
    }

    @Test
    void theListingFiltersOnDisabled() throws SQLException {
        String disabled = insertDevice(runTag + "-disabled", OffsetDateTime.now());
        String enabled = insertDevice(runTag + "-enabled", null);

        var onlyDisabled = provisioning.list(0, 500, new DeviceListing(null, runTag, null, true));
        var onlyEnabled = provisioning.list(0, 500, new DeviceListing(null, runTag, null, false));

        assertEquals(disabled, onlyDisabled.items().get(0).getId());
        assertEquals(1, onlyDisabled.total());
        assertEquals(enabled, onlyEnabled.items().get(0).getId());
        Device shown = provisioning.find(disabled);
        assertTrue(shown.isDisabled());
        assertFalse(provisioning.find(enabled).isDisabled());
    }

    private String insertDevice(String name, OffsetDateTime disabledAt) throws SQLException {
        String id = UUID.randomUUID().toString();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "INSERT INTO device (id, name, interface_name, provisioning, disabled_at)"
                             + " VALUES (?, ?, ?, 'PASSWORD', ?)")) {
            insert.setString(1, id);
            insert.setString(2, name);
            insert.setString(3, UUID.randomUUID().toString());
            insert.setObject(4, disabledAt, java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
            insert.executeUpdate();
        }
        return id;
    }

    private long count(String sql, String parameter) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement count = connection.prepareStatement(sql)) {
            count.setString(1, parameter);
            try (ResultSet rows = count.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }

    private static Throwable unwrap(Throwable thrown) {
        Throwable t = thrown;
        while (t instanceof EJBException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
