package io.kamea.platform;

import io.kamea.broker.BrokerAccounts;
import io.kamea.provisioning.ProvisioningService;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.jboss.shrinkwrap.api.Filters;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.ClassLoaderAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * The test WAR the in-container tests deploy on Payara Micro: the EJB module's code, its
 * persistence unit and migrations (run by Flyway at deployment on the real PostgreSQL), and the
 * given MicroProfile Config settings.
 */
public final class ArquillianWars {

    /**
     * Settings every test WAR needs, with the broker really unreachable: its management URL is a
     * closed port. (Failsafe keeps the real broker's environment variables away from the server.)
     */
    public static final String UNREACHABLE_BROKER = """
            MQTT_BROKER_URL=https://127.0.0.1:9/api
            RMQ_LOGIN=kamea-it
            RMQ_PWD=not-a-secret
            RMQ_VHOST=kamea-it
            """;

    private ArquillianWars() {
    }

    public static WebArchive kameaEjb(String config) {
        for (String name : List.of("PG_HOST", "PG_PORT", "PG_DATABASE", "PG_USER", "PG_PASSWORD")) {
            // server-config/payara/jdbc.asadmin builds the jdbc/kamea pool from these; say so rather than fail at boot
            if (System.getenv(name) == null) {
                throw new IllegalStateException(name + " is not set: export the PG_* variables of server-config/env.sh");
            }
        }
        Path basedir = Path.of(System.getProperty("basedir", "."));
        File[] libraries = new File(System.getProperty("it.war-lib.dir", "target/it-war-lib")).listFiles();
        if (libraries == null || libraries.length == 0) {
            throw new IllegalStateException("No libraries for the test WAR: run through mvn verify");
        }
        return ShrinkWrap.create(WebArchive.class, "kamea-it.war")
                .addPackages(false, Filters.exclude(
                                // Tests, and the timer beans: Payara Micro without its data grid has
                                // no EJB timer service.
                                ".*((Test|IT)|/ArquillianWars|/CommandDeadlines|/CommandService|/ConnectivityPoller"
                                        + "|/BanSynchronisation|/DeviceAccountUpgrade)(\\$.*)?\\.class"),
                        ProvisioningService.class.getPackage(),
                        io.kamea.provisioning.bans.BanService.class.getPackage(),
                        BrokerAccounts.class.getPackage(),
                        DatabaseMigration.class.getPackage(),
                        io.kamea.configuration.ReportedConfiguration.class.getPackage(),
                        io.kamea.ingestion.IncomingMessage.class.getPackage(),
                        io.kamea.bus.BusPublisher.class.getPackage(),
                        io.kamea.telemetry.TelemetryIngestion.class.getPackage(),
                        io.kamea.command.Command.class.getPackage(),
                        io.kamea.connectivity.ConnectivityService.class.getPackage(),
                        io.kamea.settings.SettingSource.class.getPackage())
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(new ClassLoaderAsset("META-INF/beans.xml"), "beans.xml")
                .addAsResource(basedir.resolve("src/main/resources/db/migration").toFile(), "db/migration")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties")
                .addAsLibraries(libraries);
    }
}
