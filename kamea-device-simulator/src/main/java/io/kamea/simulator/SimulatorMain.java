package io.kamea.simulator;

import io.kamea.contract.tls.PemTrust;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Entry point: {@code provision}, {@code run} (telemetry), {@code commands} (command round trips),
 * {@code connectivity} (many idle connections) and {@code deprovision} commands. Defaults come from
 * the environment {@code server-config/env.sh} sets (KAMEA_API_URL, MGMT_MQTT_INGESTION_URL,
 * MQTT_CA_PATH, BUS_*, RAW_DATA_TOPIC_NAME, RMQ_*), so secrets need not be on the command line.
 */
public final class SimulatorMain {

    private static final String USAGE = """
            usage: java -jar device-simulator.jar COMMAND [--option value ...]
              provision    --count N [--name-prefix sim-<id>-] --out devices.json [--parallel 4]
              run          --devices-file devices.json [--receiver none|bus|amqp] [--rate msg/s, 0 = max]
                           [--duration 20] [--warmup 5] [--drain 30] [--report 5] [--payload-size 100]
                           [--ramp 0: s of linear rise to --rate, at most --warmup]
                           [--qos 1] [--window 10] [--client vertx|paho] [--event-loops 1 (vertx)]
                           [--threads 4 (paho)] [--label run] [--run-id hex]
                           [--stream telemetry|reported-configuration] [--amqp-prefetch 1000] [--cpu name=pid,name=pid]
                           [--vhost v: user name v:<login>, scratch vhost; the amqp receiver uses it too]
              commands     --devices-file devices.json [--callers 100] [--http-clients 4] [--duration 30]
                           [--warmup 5] [--command-timeout 10] [--report 5] [--label commands] [--cpu ...]
              connectivity --devices-file devices.json [--keep-alive 60] [--connect-parallel 16] [--settle 20]
                           [--cpu-seconds 30] [--listings 5] [--page-size 500] [--label connectivity] [--cpu ...]
                           [--management-url MQTT_BROKER_URL] (admin: RMQ_LOGIN / RMQ_PWD)
              deprovision  [--devices-file devices.json] [--name-prefix sim-<id>-] [--parallel 4]
            common: --api-url, --api-token, --broker-url, --ca
                    (default: KAMEA_API_URL, KAMEA_API_TOKEN, MGMT_MQTT_INGESTION_URL, MQTT_CA_PATH;
                    --ca checks the broker's and the API's certificates)
            """;

    private SimulatorMain() {
    }

    /** Runs a command; exit status 0 on success, 1 on failure, 2 on bad usage. */
    public static void main(String[] args) {
        if (args.length == 0 || args[0].equals("--help")) {
            System.out.print(USAGE);
            System.exit(args.length == 0 ? 2 : 0);
        }
        try {
            Options options = new Options(args, 1);
            switch (args[0]) {
                case "provision" -> provision(options);
                case "run" -> run(options);
                case "commands" -> commands(options);
                case "connectivity" -> connectivity(options);
                case "deprovision" -> deprovision(options);
                default -> throw new IllegalArgumentException("Unknown command " + args[0]);
            }
            System.exit(0);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (Exception e) {
            System.err.println(args[0] + " failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
    }

    /** The API over HTTPS, its certificate checked against --ca (default MQTT_CA_PATH, the development CA). */
    private static KameaApi api(Options options) throws Exception {
        return new KameaApi(options.text("api-url", System.getenv("KAMEA_API_URL")), apiToken(options),
                PemTrust.context(Path.of(options.text("ca", System.getenv("MQTT_CA_PATH")))));
    }

    private static String apiToken(Options options) {
        return options.text("api-token", System.getenv("KAMEA_API_TOKEN"));
    }

    private static void provision(Options options) throws Exception {
        KameaApi api = api(options);
        int count = options.integer("count", 50);
        String prefix = options.text("name-prefix", "sim-" + shortId() + "-");
        Path out = Path.of(options.required("out"));
        int parallel = options.integer("parallel", 4);
        options.rejectUnused();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<DeviceCredentials>> futures = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String name = prefix + i;
            futures.add(pool.submit(() -> api.createDevice(name)));
        }
        List<DeviceCredentials> devices = new ArrayList<>();
        Exception failure = null;
        for (Future<DeviceCredentials> future : futures) {
            try {
                devices.add(future.get());
            } catch (Exception e) {
                failure = failure == null ? e : failure;
            }
        }
        pool.shutdown();
        DeviceFile.write(out, devices); // even partial: deprovision needs the ids
        if (failure != null) {
            throw failure;
        }
        System.out.printf("provisioned %d devices (%s*) in %.1f s -> %s%n", devices.size(), prefix,
                (System.nanoTime() - started) / 1e9, out);
    }

    private static void deprovision(Options options) throws Exception {
        KameaApi api = api(options);
        String file = options.text("devices-file", null);
        String prefix = options.text("name-prefix", null);
        int parallel = options.integer("parallel", 4);
        options.rejectUnused();
        long started = System.nanoTime();
        List<String> ids = new ArrayList<>();
        if (file != null && Path.of(file).toFile().exists()) {
            DeviceFile.read(Path.of(file)).forEach(d -> ids.add(d.id()));
        }
        if (prefix != null) {
            api.deviceIdsNamed(prefix).stream().filter(id -> !ids.contains(id)).forEach(ids::add);
        }
        ExecutorService pool = Executors.newFixedThreadPool(parallel);
        List<Future<?>> futures = new ArrayList<>();
        for (String id : ids) {
            futures.add(pool.submit(() -> {
                api.deleteDevice(id);
                return null;
            }));
        }
        int failed = 0;
        for (Future<?> future : futures) {
            try {
                future.get();
            } catch (Exception e) {
                failed++;
                System.err.println("delete failed: " + e.getMessage());
            }
        }
        pool.shutdown();
        System.out.printf("deleted %d devices in %.1f s%n", ids.size() - failed, (System.nanoTime() - started) / 1e9);
        if (failed > 0) {
            throw new IllegalStateException(failed + " devices could not be deleted");
        }
    }

    private static void run(Options options) throws Exception {
        List<DeviceCredentials> devices = DeviceFile.read(Path.of(options.required("devices-file")));
        String runId = options.text("run-id", shortId());
        Payload payload = new Payload(runId, options.integer("payload-size", 100));
        TrustManagerFactory trust = PemTrust.trustManagers(Path.of(options.text("ca", System.getenv("MQTT_CA_PATH"))));
        SSLContext tls = PemTrust.context(trust);
        String receiverKind = options.text("receiver", "none");
        Stream stream = Stream.named(options.text("stream", Stream.TELEMETRY.wireName()));
        // a scratch vhost (--vhost) keeps the raw phase away from the application entirely
        String vhost = options.text("vhost", null);
        Receiver receiver = switch (receiverKind) {
            case "none" -> null;
            case "bus" -> new BusSubscriber(
                    options.text("bus-url", System.getenv("BUS_CONNECTION_STRING")),
                    options.text("bus-user", System.getenv("BUS_USER")),
                    System.getenv("BUS_PASSWORD"),
                    options.text("bus-topic", System.getenv().getOrDefault("RAW_DATA_TOPIC_NAME", "kamea.raw-data")),
                    payload);
            case "amqp" -> new ScratchQueueConsumer(
                    options.text("amqp-host", "localhost"),
                    options.integer("amqp-port", Integer.parseInt(System.getenv().getOrDefault("RMQ_AMQPS_PORT", "5671"))),
                    options.text("amqp-vhost", vhost != null ? vhost : System.getenv().getOrDefault("RMQ_VHOST", "kamea")),
                    options.text("amqp-user", System.getenv("RMQ_LOGIN")),
                    System.getenv("RMQ_PWD"), tls,
                    "kamea.bench." + runId, stream.bindingKey(),
                    options.integer("amqp-prefetch", 1000), payload);
            default -> throw new IllegalArgumentException("--receiver must be none, bus or amqp");
        };
        SimulationRun.Settings settings = new SimulationRun.Settings(
                new SimulatedDevice.Access(options.text("broker-url", System.getenv("MGMT_MQTT_INGESTION_URL")), vhost, 30, null),
                stream,
                options.integer("qos", 1), options.integer("window", 10), client(options.text("client", "vertx")),
                options.integer("threads", 4), options.integer("event-loops", 1), options.decimal("rate", 0), options.integer("ramp", 0), options.integer("duration", 20), options.integer("warmup", 5),
                options.integer("drain", 30), options.integer("report", 5), options.text("label", "run"));
        ProcessCpu cpu = new ProcessCpu(options.text("cpu", ""));
        options.rejectUnused();
        if (settings.warmupSeconds() >= settings.durationSeconds()) {
            throw new IllegalArgumentException("--duration must exceed --warmup");
        }
        if (settings.rampSeconds() < 0 || settings.rampSeconds() > settings.warmupSeconds()) {
            throw new IllegalArgumentException("--ramp must be between 0 and --warmup: the measured window is at the full rate");
        }
        System.out.printf("[%s] run %s: %d devices%s, topic %s, QoS %d, %d-byte payloads, rate %s, %d s%s, %s%n",
                settings.label(), runId, devices.size(), vhost != null ? " in vhost " + vhost : "", stream.topic("<login>"), settings.qos(), options.integer("payload-size", 100),
                settings.rate() <= 0 ? "max" : settings.rampSeconds() > 0
                        ? String.format("%.0f msg/s after a %d s ramp", settings.rate(), settings.rampSeconds())
                        : String.format("%.0f msg/s", settings.rate()), settings.durationSeconds(),
                receiver != null ? ", measured at " + receiver.name() : "",
                settings.client() == SimulationRun.Client.PAHO
                        ? "Paho clients, " + settings.threads() + " publishing threads"
                        : "Vert.x clients on " + settings.eventLoops() + " event loop(s)");
        String result = new SimulationRun(settings, devices, payload, receiver, cpu).run(tls, trust);
        System.out.println(result);
    }

    private static SimulationRun.Client client(String name) {
        return switch (name) {
            case "vertx" -> SimulationRun.Client.VERTX;
            case "paho" -> SimulationRun.Client.PAHO;
            default -> throw new IllegalArgumentException("--client must be vertx or paho");
        };
    }

    private static void commands(Options options) throws Exception {
        List<DeviceCredentials> devices = DeviceFile.read(Path.of(options.required("devices-file")));
        SSLContext tls = PemTrust.context(Path.of(options.text("ca", System.getenv("MQTT_CA_PATH"))));
        CommandRoundTrip.Settings settings = new CommandRoundTrip.Settings(
                options.text("api-url", System.getenv("KAMEA_API_URL")), apiToken(options),
                options.text("broker-url", System.getenv("MGMT_MQTT_INGESTION_URL")),
                options.integer("callers", 100), options.integer("http-clients", 4), options.integer("duration", 30),
                options.integer("warmup", 5), options.integer("command-timeout", 10), options.integer("report", 5),
                options.text("label", "commands"));
        ProcessCpu cpu = new ProcessCpu(options.text("cpu", ""));
        options.rejectUnused();
        if (settings.warmupSeconds() >= settings.durationSeconds() || devices.isEmpty()) {
            throw new IllegalArgumentException("--duration must exceed --warmup, and the devices file must list devices");
        }
        System.out.printf("[%s] %d devices answering at once, %d concurrent callers of POST /devices/{id}/commands?wait=true"
                        + " (HTTP/1.1), %d s (%d s warm-up)%n", settings.label(), devices.size(), settings.callers(),
                settings.durationSeconds(), settings.warmupSeconds());
        System.out.println(new CommandRoundTrip(settings, devices, cpu).run(tls));
    }

    private static void connectivity(Options options) throws Exception {
        List<DeviceCredentials> devices = DeviceFile.read(Path.of(options.required("devices-file")));
        SSLContext tls = PemTrust.context(Path.of(options.text("ca", System.getenv("MQTT_CA_PATH"))));
        var pings = ConnectivityRun.pingScheduler();
        String vhost = System.getenv().getOrDefault("RMQ_VHOST", "kamea");
        ConnectivityRun.Settings settings = new ConnectivityRun.Settings(
                new SimulatedDevice.Access(options.text("broker-url", System.getenv("MGMT_MQTT_INGESTION_URL")), null,
                        options.integer("keep-alive", 60), pings),
                options.integer("connect-parallel", 16), options.integer("settle", 20), options.integer("cpu-seconds", 30),
                options.integer("listings", 5), vhost, options.text("label", "connectivity"));
        ConnectionListing listing = new ConnectionListing(
                options.text("management-url", System.getenv("MQTT_BROKER_URL")),
                options.text("management-user", System.getenv("RMQ_LOGIN")), System.getenv("RMQ_PWD"), tls,
                options.integer("page-size", 500));
        ProcessCpu cpu = new ProcessCpu(options.text("cpu", ""));
        KameaApi api = api(options);
        options.rejectUnused();
        try {
            System.out.println(new ConnectivityRun(settings, devices, api, listing, cpu).run(tls));
        } finally {
            pings.shutdownNow();
        }
    }

    private static String shortId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
