package io.kamea.access;

import io.kamea.platform.KameaException;

public class ApiKeyNotFoundException extends KameaException {

    public ApiKeyNotFoundException(String id) {
        super(404, "API key not found", "No API key with id " + id);
    }
}
