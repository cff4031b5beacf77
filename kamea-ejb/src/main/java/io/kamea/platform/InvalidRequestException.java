package io.kamea.platform;

/** The request is well-formed JSON but asks for something invalid. */
public class InvalidRequestException extends KameaException {

    public InvalidRequestException(String detail) {
        super(400, "Invalid request", detail);
    }
}
