package io.kamea.simulator;

import io.kamea.contract.DeviceTopics;
import io.kamea.contract.tls.NoDelaySocketFactory;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.net.ssl.SSLContext;

/**
 * Command round trips: devices that answer at once ({@link CommandResponder}) and a fixed number
 * of HTTP callers, each sending {@code POST /devices/{id}/commands?wait=true} again as soon as
 * its previous call returned (closed loop, so {@code callers} commands are always in flight).
 * Calls started inside the measurement window (after the warm-up) give the throughput and the
 * latency; every call's outcome is counted (anything but a 200 with status {@code succeeded} is a
 * failure).
 */
public final class CommandRoundTrip {

    /** What to run. */
    public record Settings(String apiUrl, String apiToken, String brokerUrl, int callers, int httpClients, int durationSeconds,
                           int warmupSeconds, int commandTimeoutSeconds, int reportSeconds, String label) {
    }

    private final Settings settings;
    private final List<DeviceCredentials> devices;
    private final ProcessCpu cpu;
    private final String baseUrl;
    private final String authorization;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LongAdder callsInWindow = new LongAdder();
    private final LongAdder calls = new LongAdder();
    private final Map<String, LongAdder> outcomes = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> outcomesInWindow = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private volatile long windowStart = Long.MAX_VALUE;
    private volatile long windowEnd = Long.MAX_VALUE;

    public CommandRoundTrip(Settings settings, List<DeviceCredentials> devices, ProcessCpu cpu) {
        this.settings = settings;
        this.devices = devices;
        this.cpu = cpu;
        this.baseUrl = settings.apiUrl().replaceAll("/+$", "");
        this.authorization = KameaApi.bearer(settings.apiToken());
    }

    /** Runs to the end and returns the RESULT line. */
    public String run(SSLContext tls) throws Exception {
        CommandResponder.Counters counters = new CommandResponder.Counters();
        ExecutorService answering = Executors.newFixedThreadPool(4, daemon("answer"));
        List<CommandResponder> responders = new ArrayList<>();
        try {
            connect(responders, tls, answering, counters);
            String result = call(tls);
            return result + " " + counters;
        } finally {
            ExecutorService closing = Executors.newFixedThreadPool(8);
            responders.forEach(r -> closing.execute(r::close));
            closing.shutdown();
            closing.awaitTermination(10, TimeUnit.SECONDS);
            answering.shutdownNow();
        }
    }

    private void connect(List<CommandResponder> responders, SSLContext tls, ExecutorService answering,
                         CommandResponder.Counters counters) throws Exception {
        long started = System.nanoTime();
        for (DeviceCredentials device : devices) {
            responders.add(new CommandResponder(settings.brokerUrl(), device, answering, counters));
        }
        ExecutorService connectors = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (CommandResponder responder : responders) {
                done.add(connectors.submit(() -> {
                    responder.connect(new NoDelaySocketFactory(tls.getSocketFactory()));
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            connectors.shutdown();
        }
        System.out.printf("[%s] %d devices connected and subscribed to %s in %.1f s%n",
                settings.label(), responders.size(), DeviceTopics.of("<login>").commandRequests(), (System.nanoTime() - started) / 1e9);
    }

    private String call(SSLContext tls) throws InterruptedException {
        List<HttpClient> clients = new ArrayList<>();
        for (int i = 0; i < settings.httpClients(); i++) {
            clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(tls)
                    .connectTimeout(Duration.ofSeconds(5)).build());
        }
        long start = System.nanoTime();
        long end = start + TimeUnit.SECONDS.toNanos(settings.durationSeconds());
        List<Thread> callers = new ArrayList<>();
        for (int i = 0; i < settings.callers(); i++) {
            HttpClient client = clients.get(i % clients.size());
            Thread caller = new Thread(() -> callUntil(client, end), "caller-" + i);
            caller.setDaemon(true);
            callers.add(caller);
            caller.start();
        }
        long warmupEnd = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds());
        long nextReport = start + TimeUnit.SECONDS.toNanos(settings.reportSeconds());
        long lastCalls = 0;
        long lastReport = start;
        while (System.nanoTime() < end) {
            Thread.sleep(20);
            long now = System.nanoTime();
            if (windowStart == Long.MAX_VALUE && now >= warmupEnd) {
                windowStart = now;
                cpu.start();
            }
            if (now >= nextReport) {
                long total = calls.sum();
                System.out.printf("[%s] t=%4.0fs calls=%d (%.0f/s) not_succeeded=%d%n", settings.label(),
                        (now - start) / 1e9, total, (total - lastCalls) / ((now - lastReport) / 1e9), notSucceeded(outcomes));
                lastCalls = total;
                lastReport = now;
                nextReport += TimeUnit.SECONDS.toNanos(settings.reportSeconds());
            }
        }
        windowEnd = end;
        String cpuUse = cpu.stop();
        // the calls in flight at the end belong to the window: wait for them, bounded by their timeout
        long bound = System.currentTimeMillis() + TimeUnit.SECONDS.toMillis(settings.commandTimeoutSeconds() + 10L);
        for (Thread caller : callers) {
            caller.join(Math.max(1, bound - System.currentTimeMillis()));
        }
        long stillRunning = callers.stream().filter(Thread::isAlive).count();
        double windowSeconds = (end - windowStart) / 1e9;
        StringBuilder result = new StringBuilder("RESULT label=" + settings.label());
        result.append(String.format(" devices=%d callers=%d window_s=%.1f calls=%d calls_in_window=%d rate=%.0f"
                        + " p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f not_succeeded=%d not_succeeded_in_window=%d"
                        + " unfinished=%d outcomes=%s", devices.size(), settings.callers(), windowSeconds, calls.sum(),
                callsInWindow.sum(), callsInWindow.sum() / windowSeconds, latency.percentileMillis(0.50),
                latency.percentileMillis(0.90), latency.percentileMillis(0.99), latency.percentileMillis(1.0),
                notSucceeded(outcomes), notSucceeded(outcomesInWindow), stillRunning, describe(outcomes)));
        result.append(' ').append(cpuUse);
        return result.toString();
    }

    private void callUntil(HttpClient client, long end) {
        while (System.nanoTime() < end) {
            long n = sequence.getAndIncrement();
            DeviceCredentials device = devices.get((int) (n % devices.size()));
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/devices/" + device.id() + "/commands?wait=true"))
                    .timeout(Duration.ofSeconds(settings.commandTimeoutSeconds() + 5L))
                    .header("Content-Type", "application/json")
                    .header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"bench\",\"payload\":{\"seq\":" + n
                            + "},\"timeoutSeconds\":" + settings.commandTimeoutSeconds() + "}"))
                    .build();
            long sent = System.nanoTime();
            String outcome;
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                outcome = response.statusCode() == 200 ? status(response.body()) : "http-" + response.statusCode();
            } catch (HttpTimeoutException e) {
                outcome = "http-timeout";
            } catch (IOException | RuntimeException e) {
                outcome = "error-" + e.getClass().getSimpleName();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long took = System.nanoTime() - sent;
            calls.increment();
            outcomes.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            if (sent >= windowStart && sent < windowEnd) {
                callsInWindow.increment();
                latency.record(took / 1_000);
                outcomesInWindow.computeIfAbsent(outcome, k -> new LongAdder()).increment();
            }
        }
    }

    private static String status(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonObject command = reader.readObject();
            return command.getString("status", "no-status");
        } catch (RuntimeException e) {
            return "unreadable-body";
        }
    }

    private static long notSucceeded(Map<String, LongAdder> counts) {
        return counts.entrySet().stream().filter(e -> !e.getKey().equals("succeeded"))
                .mapToLong(e -> e.getValue().sum()).sum();
    }

    private static String describe(Map<String, LongAdder> counts) {
        Map<String, Long> sorted = new TreeMap<>();
        counts.forEach((k, v) -> sorted.put(k, v.sum()));
        StringBuilder out = new StringBuilder();
        sorted.forEach((k, v) -> out.append(out.length() > 0 ? "," : "").append(k).append(':').append(v));
        return out.length() > 0 ? out.toString() : "none";
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        AtomicLong n = new AtomicLong();
        return r -> {
            Thread t = new Thread(r, name + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
