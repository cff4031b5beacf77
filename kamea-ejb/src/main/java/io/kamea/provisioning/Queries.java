package io.kamea.provisioning;

/**
 * The JPQL of this package. Not named queries: on Payara, a message-driven bean using the
 * persistence unit while the application was still deploying left EclipseLink without them
 * ("NamedQuery ... not found") until the next deployment.
 */
final class Queries {

    static final String DEVICE_BY_NAME = "select d from Device d where d.name = :name";
    static final String DEVICE_PAGE = "select d from Device d order by d.createdAt desc, d.id";
    static final String DEVICE_COUNT = "select count(d) from Device d";
    static final String DEVICES_BY_INTERFACE_NAMES = "select d from Device d where d.interfaceName in :names";

    private Queries() {
    }
}
