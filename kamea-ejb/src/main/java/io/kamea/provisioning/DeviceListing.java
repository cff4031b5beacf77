package io.kamea.provisioning;

import io.kamea.platform.InvalidRequestException;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The filters of a device listing, each optional, and the JPQL they make.
 *
 * @param connected only the devices whose connectivity (io.kamea.connectivity) is that; a device
 *                  never seen counts as disconnected
 * @param search    only the devices whose name or interface name contains it, ignoring case
 * @param status    only the devices in that status (e.g. auto-provisioned ones waiting for approval)
 * @param disabled  only the devices disabled ({@link DeviceDisabling}), or only those enabled
 */
public record DeviceListing(Boolean connected, String search, DeviceStatus status, Boolean disabled) {

    static final int MAX_SEARCH_LENGTH = 200;

    /** Devices whose connectivity state (io.kamea.connectivity.DeviceConnectivity) says connected. */
    private static final String CONNECTED =
            "exists (select s from DeviceConnectivity s where s.deviceId = d.id and s.connected = true)";
    /** '!' rather than a backslash: one escape character that reads the same in JPQL and SQL. */
    private static final String MATCHES =
            "(lower(d.name) like :search escape '!' or lower(d.interfaceName) like :search escape '!')";

    public DeviceListing {
        search = search == null || search.isBlank() ? null : search.strip();
        if (search != null && search.length() > MAX_SEARCH_LENGTH) {
            throw new InvalidRequestException("search is longer than " + MAX_SEARCH_LENGTH + " characters");
        }
    }

    String pageQuery() {
        return "select d from Device d" + where() + " order by d.createdAt desc, d.id";
    }

    String countQuery() {
        return "select count(d) from Device d" + where();
    }

    /** Gives the query the parameters its filters use. */
    <T> TypedQuery<T> bind(TypedQuery<T> query) {
        if (search != null) {
            query.setParameter("search", likePattern(search));
        }
        if (status != null) {
            query.setParameter("status", status);
        }
        return query;
    }

    /** Contains {@code text}, literally: LIKE's wildcards in it match only themselves. */
    static String likePattern(String text) {
        String literal = text.toLowerCase(Locale.ROOT)
                .replace("!", "!!").replace("%", "!%").replace("_", "!_");
        return "%" + literal + "%";
    }

    private String where() {
        List<String> conditions = new ArrayList<>();
        if (connected != null) {
            conditions.add(connected ? CONNECTED : "not " + CONNECTED);
        }
        if (search != null) {
            conditions.add(MATCHES);
        }
        if (status != null) {
            conditions.add("d.status = :status");
        }
        if (disabled != null) {
            conditions.add(disabled ? "d.disabledAt is not null" : "d.disabledAt is null");
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }
}
