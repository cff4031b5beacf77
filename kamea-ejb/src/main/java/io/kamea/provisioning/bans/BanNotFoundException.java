package io.kamea.provisioning.bans;

import io.kamea.platform.KameaException;

public class BanNotFoundException extends KameaException {

    public BanNotFoundException(String id) {
        super(404, "Ban not found", "No ban with id " + id);
    }
}
