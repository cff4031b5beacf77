package io.kamea.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Nothing but this module builds or parses a device topic or routing key, spells a broker
 * permission for devices, or names a bus header: every Java source of the project outside it is
 * read, and a string literal that looks like one of these fails the test, with its file and line.
 *
 * <p>Two kinds of literal pass. Unit tests ({@code *Test.java}) give the code they test
 * hand-written topics, hostile ones included, on purpose: an input built with the contract could
 * not catch a change of the contract that breaks devices. And a topic written with a placeholder
 * level ({@code device/<if>/configs/desired}) is prose for people (the OpenAPI descriptions), not
 * a topic anyone can use.
 */
class ContractBoundaryTest {

    /** What only the contract spells: topic and routing-key levels, the MQTT plugin's queue names. */
    private static final Pattern DEVICE_TOPIC = Pattern.compile(
            "^\\^?device(/|\\.|\\\\\\\\\\.)"                      // "device/" + ..., "device." + ..., "^device\\."
                    + "|command(/|\\.|\\\\\\\\\\.)(request|response)" // "/command/request", routing keys, regexes
                    + "|configs(/|\\.|\\\\\\\\\\.)(desired|reported)"
                    + "|(^|[/.(|])telemetries($|[/.|)])"                   // the level, not the English word
                    + "|mqtt-subscription-");

    /** A level written as a placeholder: prose about a topic. */
    private static final Pattern PLACEHOLDER = Pattern.compile("/<[^>]+>");

    @Test
    void noSourceOutsideTheContractSpellsADeviceTopicOrABusHeader() throws IOException {
        List<String> offences = new ArrayList<>();
        List<Path> sources = sources();
        for (Path source : sources) {
            for (JavaStrings.Literal literal : JavaStrings.in(Files.readString(source))) {
                String why = offence(literal.text());
                if (why != null) {
                    offences.add(SourceTree.root().relativize(source) + ":" + literal.line() + ": \"" + literal.text()
                            + "\" " + why);
                }
            }
        }
        assertTrue(sources.size() > 300, "the sources were found: " + sources.size());
        assertEquals("", String.join("\n", offences), "use io.kamea.contract (DeviceTopics, CommandRequestTopic, "
                + "CommandResponseTopic, RoutingKeys, DevicePermissions, BusHeaders) instead");
    }

    @Test
    void theCheckRecognisesWhatItLooksFor() {
        for (String spelled : List.of("device/", "device.", "^device\\\\.", "/command/request/", "/command/response/",
                "command.response.", "configs/desired", "/configs/reported", "configs\\\\.desired", "telemetries",
                "/telemetries", "device.*.telemetries", "(telemetries|configs", "mqtt-subscription-",
                BusHeaders.DEVICE_ID, BusHeaders.RECEIVED_AT + " > 0", "kamea_device_id = '")) {
            assertTrue(offence(spelled) != null, spelled);
        }
        for (String prose : List.of("the device", "a device.", "unknown-device", "telemetries lost: ",
                "the broker acknowledged 5 telemetries within 60 s", "kamea_ingestion_forwarded_total",
                "published to the device on device/<if>/configs/desired.", "kamea_banned_certificates")) {
            assertEquals(null, offence(prose), prose);
        }
    }

    @Test
    void theReaderFindsStringsAndOnlyStrings() {
        String source = """
                // "device/" in a comment
                /* "telemetries"
                   still a comment */ char q = '"'; String s = "a\\"b";
                String t = \"""
                    text "block"
                    \""";
                """;

        assertEquals(List.of(new JavaStrings.Literal(3, "a\\\"b"), new JavaStrings.Literal(4, "\n    text \"block\"\n    ")),
                JavaStrings.in(source));
    }

    private static String offence(String literal) {
        if (BusHeaders.names().stream().anyMatch(literal::contains)) {
            return "names a bus header (BusHeaders)";
        }
        String withoutProse = PLACEHOLDER.matcher(literal).find() ? "" : literal;
        return DEVICE_TOPIC.matcher(withoutProse).find() ? "spells a device topic, routing key or permission" : null;
    }

    /** Every Java source but this module's, the unit tests' and what builds leave. */
    private static List<Path> sources() throws IOException {
        Path root = SourceTree.root();
        Path contract = root.resolve("kamea-device-contract");
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(contract))
                    .filter(f -> !f.getFileName().toString().endsWith("Test.java"))
                    .filter(f -> root.relativize(f).toString().contains("src/"))
                    .filter(f -> !root.relativize(f).toString().matches("(.*/)?(target|\\.runtime|\\.git)/.*"))
                    .sorted()
                    .toList();
        }
    }
}
