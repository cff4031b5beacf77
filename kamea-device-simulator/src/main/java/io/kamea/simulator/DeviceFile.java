package io.kamea.simulator;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The devices of a simulation, kept between commands in a JSON file readable by its owner only
 * (it holds passwords).
 */
public final class DeviceFile {

    private DeviceFile() {
    }

    /** Writes the devices, replacing the file. */
    public static void write(Path file, List<DeviceCredentials> devices) throws IOException {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (DeviceCredentials d : devices) {
            array.add(Json.createObjectBuilder().add("id", d.id()).add("name", d.name())
                    .add("login", d.login()).add("password", d.password()));
        }
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try (Writer out = Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING)) {
            Json.createWriter(out).writeArray(array.build());
        }
    }

    /** Reads the devices written by {@link #write}. */
    public static List<DeviceCredentials> read(Path file) throws IOException {
        List<DeviceCredentials> devices = new ArrayList<>();
        try (Reader in = Files.newBufferedReader(file); JsonReader reader = Json.createReader(in)) {
            for (JsonValue value : reader.readArray()) {
                JsonObject o = value.asJsonObject();
                devices.add(new DeviceCredentials(o.getString("id"), o.getString("name"),
                        o.getString("login"), o.getString("password")));
            }
        }
        return devices;
    }
}
