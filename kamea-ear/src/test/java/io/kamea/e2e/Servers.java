package io.kamea.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Stops and starts the platform's servers the way its scripts do, for tests of failures: only
 * by the PIDs the scripts recorded, with this JVM's environment (same ports, same runtime folder).
 */
final class Servers {

    static final Path ROOT = repositoryRoot();
    static final Path RUNTIME = Path.of(env("KAMEA_RUNTIME", ROOT.resolve(".runtime").toString()));

    private Servers() {
    }

    /** SIGKILL to the Payara domain JVM whose PID the scripts recorded: no shutdown of any kind. */
    static void killApplicationServer() throws IOException, InterruptedException {
        long pid = Long.parseLong(Files.readString(RUNTIME.resolve("pids/payara.pid")).trim());
        String commandLine = Files.readString(Path.of("/proc", Long.toString(pid), "cmdline")).replace('\0', ' ');
        assertTrue(commandLine.contains("-Dcom.sun.aas.instanceRoot="), "pid " + pid + " is a Payara domain");
        ProcessHandle payara = ProcessHandle.of(pid).orElseThrow();
        assertTrue(payara.destroyForcibly(), "SIGKILL sent to " + pid);
        assertTrue(waitFor(() -> !payara.isAlive(), 15), "Payara (pid " + pid + ") died");
    }

    /** payara_start (a no-op if it runs); the EAR stays deployed in the domain and loads at start. */
    static void startApplicationServer() throws IOException, InterruptedException {
        runScript("payara", "payara_start");
        assertTrue(waitFor(Servers::apiAnswers, 180), "the API answers again after the restart");
        // and its MQTT session is back (deleting a device, sending a command need it)
        assertTrue(waitFor(() -> Http.server("/health/ready", "application/json").status() == 200, 60),
                "ready again after the restart");
    }

    /** A clean stop and start of the domain (payara_stop, payara_start). */
    static void restartApplicationServer() throws IOException, InterruptedException {
        stopApplicationServer();
        startApplicationServer();
    }

    /** A clean stop of the domain (payara_stop): the application disconnects its MQTT session. */
    static void stopApplicationServer() throws IOException, InterruptedException {
        runScript("payara", "payara_stop");
    }

    static boolean apiAnswers() {
        try {
            return Http.api("GET", "/devices?size=1", null).status() == 200;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * Runs a function of server-config/lib/LIB.sh as the scripts do, with this JVM's environment
     * (so the same ports and runtime folder); output goes to target/resilience-scripts.log, not to
     * a pipe, because the servers started keep their inherited descriptors open.
     */
    static void runScript(String lib, String function) throws IOException, InterruptedException {
        File log = new File("target/resilience-scripts.log");
        log.getParentFile().mkdirs();
        Process process = new ProcessBuilder("bash", "-c",
                ". server-config/env.sh && . server-config/lib/" + lib + ".sh && " + function)
                .directory(ROOT.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                .start();
        boolean ended = process.waitFor(4, TimeUnit.MINUTES);
        if (!ended) {
            process.destroyForcibly();
        }
        assertTrue(ended && process.exitValue() == 0, () -> function + " failed, see " + log.getAbsolutePath()
                + ":\n" + tail(log.toPath(), 20));
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(" + e + ")";
        }
    }

    private static Path repositoryRoot() {
        String root = System.getenv("KAMEA_ROOT");
        if (root != null && !root.isBlank()) {
            return Path.of(root);
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("server-config/env.sh"))) {
                return dir;
            }
        }
        throw new IllegalStateException("server-config/env.sh not found above " + Path.of("").toAbsolutePath());
    }

    static boolean waitFor(BooleanSupplier condition, long seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return condition.getAsBoolean();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
