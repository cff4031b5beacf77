package io.kamea.platform;

import io.kamea.settings.SettingReader;
import io.kamea.settings.SettingSource;
import io.kamea.settings.StartupSettings;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * How much an HTTP request may carry (docs/configuration.md, "Request limits"). Each limit has a
 * number, close to the peers': AWS IoT Core takes messages of 128 KiB and shadows of 8 KiB,
 * Azure IoT Hub messages of 256 KiB and twins of 32 KiB. The API refuses a larger body with 413
 * before reading it whole; the services check again the fields that have a limit of their own
 * (a command's payload, an uploaded certificate, a desired configuration), whoever calls them.
 * A value out of range (not positive; a depth above {@value #HIGHEST_MAX_JSON_DEPTH}) stops the
 * application at start, naming its key.
 */
@ApplicationScoped
public class RequestLimits extends StartupSettings {

    public static final String MAX_REQUEST_BYTES = "KAMEA_MAX_REQUEST_BYTES";
    public static final String MAX_CONFIGURATION_BYTES = "KAMEA_MAX_CONFIGURATION_BYTES";
    public static final String MAX_COMMAND_BYTES = "KAMEA_MAX_COMMAND_BYTES";
    public static final String MAX_CERTIFICATE_BYTES = "KAMEA_MAX_CERTIFICATE_BYTES";
    public static final String MAX_JSON_DEPTH = "KAMEA_MAX_JSON_DEPTH";

    /** 64 KiB: any other body is a few fields; this leaves room without inviting abuse. */
    public static final int DEFAULT_MAX_REQUEST_BYTES = 64 * 1024;
    /** 32 KiB: Azure's twin; four times AWS's shadow. */
    public static final int DEFAULT_MAX_CONFIGURATION_BYTES = 32 * 1024;
    /** 128 KiB: AWS IoT Core's message, and Kamea's own device message limit (KAMEA_MAX_MESSAGE_BYTES). */
    public static final int DEFAULT_MAX_COMMAND_BYTES = 128 * 1024;
    /** 16 KiB: a device certificate in PEM rarely passes 4 KiB (one with an 8192-bit RSA key is about 3 KiB). */
    public static final int DEFAULT_MAX_CERTIFICATE_BYTES = 16 * 1024;
    /** 32 levels of objects and arrays: configurations and payloads rarely go past five. */
    public static final int DEFAULT_MAX_JSON_DEPTH = 32;
    /**
     * The JSON parser refuses more than 1,000 levels itself (Parsson's default), with an error
     * that is not a JSON error (it would be a 500): Kamea's limit must stop a body before that.
     */
    public static final int HIGHEST_MAX_JSON_DEPTH = 500;

    private int maxRequestBytes;
    private int maxConfigurationBytes;
    private int maxCommandBytes;
    private int maxCertificateBytes;
    private int maxJsonDepth;

    public RequestLimits() {
    }

    /** For unit tests: these limits, checked as the configured ones are. */
    public RequestLimits(int maxRequestBytes, int maxConfigurationBytes, int maxCommandBytes,
                         int maxCertificateBytes, int maxJsonDepth) {
        read(new SettingReader(SettingSource.of(Map.of(MAX_REQUEST_BYTES, "" + maxRequestBytes,
                MAX_CONFIGURATION_BYTES, "" + maxConfigurationBytes, MAX_COMMAND_BYTES, "" + maxCommandBytes,
                MAX_CERTIFICATE_BYTES, "" + maxCertificateBytes, MAX_JSON_DEPTH, "" + maxJsonDepth))));
    }

    /** The documented defaults, for unit tests. */
    public static RequestLimits defaults() {
        return new RequestLimits(DEFAULT_MAX_REQUEST_BYTES, DEFAULT_MAX_CONFIGURATION_BYTES, DEFAULT_MAX_COMMAND_BYTES,
                DEFAULT_MAX_CERTIFICATE_BYTES, DEFAULT_MAX_JSON_DEPTH);
    }

    @Override
    protected void read(SettingReader settings) {
        maxRequestBytes = settings.integer(MAX_REQUEST_BYTES, DEFAULT_MAX_REQUEST_BYTES, 1, Integer.MAX_VALUE);
        maxConfigurationBytes = settings.integer(MAX_CONFIGURATION_BYTES, DEFAULT_MAX_CONFIGURATION_BYTES, 1,
                Integer.MAX_VALUE);
        maxCommandBytes = settings.integer(MAX_COMMAND_BYTES, DEFAULT_MAX_COMMAND_BYTES, 1, Integer.MAX_VALUE);
        maxCertificateBytes = settings.integer(MAX_CERTIFICATE_BYTES, DEFAULT_MAX_CERTIFICATE_BYTES, 1,
                Integer.MAX_VALUE);
        maxJsonDepth = settings.integer(MAX_JSON_DEPTH, DEFAULT_MAX_JSON_DEPTH, 1, HIGHEST_MAX_JSON_DEPTH);
    }

    /** Bytes of a request body that has no limit of its own. */
    public int maxRequestBytes() {
        return maxRequestBytes;
    }

    /** Bytes of a desired configuration document (compact JSON, UTF-8). */
    public int maxConfigurationBytes() {
        return maxConfigurationBytes;
    }

    /** Bytes of a command's payload, as published to the device. */
    public int maxCommandBytes() {
        return maxCommandBytes;
    }

    /** Bytes of an uploaded certificate (PEM). */
    public int maxCertificateBytes() {
        return maxCertificateBytes;
    }

    /** Levels of objects and arrays, one inside the other, in a JSON body. */
    public int maxJsonDepth() {
        return maxJsonDepth;
    }

    /** Refuses (413) a desired configuration document larger than its limit. */
    public void checkConfiguration(String document) {
        check("The desired configuration", document, maxConfigurationBytes, MAX_CONFIGURATION_BYTES);
    }

    /** Refuses (413) a command payload larger than its limit; no payload is fine. */
    public void checkCommandPayload(String payload) {
        check("The command's payload", payload, maxCommandBytes, MAX_COMMAND_BYTES);
    }

    /** Refuses (413) an uploaded certificate larger than its limit, before anything parses it. */
    public void checkCertificate(String pem) {
        check("The certificate", pem, maxCertificateBytes, MAX_CERTIFICATE_BYTES);
    }

    private static void check(String what, String text, int limit, String key) {
        if (text != null && utf8Length(text, limit) > limit) {
            throw new ContentTooLargeException(what, limit, key);
        }
    }

    /**
     * The UTF-8 length of {@code text}, counted no further than just past {@code limit}: a field
     * of megabytes is refused after one comparison, without encoding it.
     */
    static long utf8Length(String text, int limit) {
        if (text.length() > limit) {
            return text.length(); // every character is at least one byte
        }
        long bytes = 0;
        for (int i = 0; i < text.length() && bytes <= limit; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
