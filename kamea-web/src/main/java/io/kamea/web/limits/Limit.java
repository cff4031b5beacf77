package io.kamea.web.limits;

import io.kamea.platform.ContentTooLargeException;
import io.kamea.platform.RequestLimits;
import java.lang.reflect.Method;

/** Which of {@link RequestLimits} bounds a request body. */
public enum Limit {

    /** Any body without a limit of its own. */
    REQUEST,
    /** A desired configuration: the body is the document. */
    CONFIGURATION,
    /** A command: its payload and the envelope around it. */
    COMMAND,
    /** A device to provision: an uploaded certificate and the envelope around it. */
    CERTIFICATE;

    /**
     * Room for what surrounds a payload or a certificate in its body: the other fields (a name of
     * 200 characters takes 1,200 bytes if each character is escaped, six bytes each), JSON
     * punctuation, and the escaped line breaks of a PEM (two bytes per 64 characters).
     */
    static final int ENVELOPE_BYTES = 4096;

    /** The limit of a resource method: its {@link BodyLimit}, else its class's, else {@link #REQUEST}. */
    static Limit of(Method method, Class<?> resource) {
        BodyLimit declared = method == null ? null : method.getAnnotation(BodyLimit.class);
        if (declared == null && resource != null) {
            declared = resource.getAnnotation(BodyLimit.class);
        }
        return declared == null ? REQUEST : declared.value();
    }

    long bytes(RequestLimits limits) {
        return switch (this) {
            case REQUEST -> limits.maxRequestBytes();
            case CONFIGURATION -> limits.maxConfigurationBytes();
            case COMMAND -> (long) limits.maxCommandBytes() + ENVELOPE_BYTES;
            case CERTIFICATE -> (long) limits.maxCertificateBytes() + ENVELOPE_BYTES;
        };
    }

    ContentTooLargeException tooLarge(RequestLimits limits) {
        return new ContentTooLargeException("The request body", bytes(limits), setting());
    }

    /** How the limit is configured, for the refusal to say. */
    private String setting() {
        return switch (this) {
            case REQUEST -> RequestLimits.MAX_REQUEST_BYTES;
            case CONFIGURATION -> RequestLimits.MAX_CONFIGURATION_BYTES;
            case COMMAND -> RequestLimits.MAX_COMMAND_BYTES + " + " + ENVELOPE_BYTES;
            case CERTIFICATE -> RequestLimits.MAX_CERTIFICATE_BYTES + " + " + ENVELOPE_BYTES;
        };
    }
}
