package io.kamea.ingestion.rejected;

import io.kamea.platform.KameaException;
import java.util.Arrays;
import java.util.stream.Collectors;

/** The API was asked about a store that does not exist (404). */
public class RejectedStoreNotFoundException extends KameaException {

    public RejectedStoreNotFoundException(String id) {
        super(404, "Store not found", "No store named " + id + "; there are "
                + Arrays.stream(RejectedStore.values()).map(RejectedStore::id).collect(Collectors.joining(" and ")));
    }
}
