package io.kamea.provisioning;

/**
 * The JPQL of this package. Not named queries: on Payara 6 (EclipseLink 4.0.7) some of them went
 * missing after a redeployment or a restart ("NamedQuery ... not found"); EclipseLink parses and
 * caches these strings just the same. The listing's queries depend on its filters: see
 * {@link DeviceListing}.
 */
final class Queries {

    static final String DEVICE_BY_NAME = "select d from Device d where d.name = :name";
    static final String DEVICE_BY_INTERFACE_NAME = "select d from Device d where d.interfaceName = :interfaceName";
    static final String DEVICES_BY_INTERFACE_NAMES = "select d from Device d where d.interfaceName in :names";

    private Queries() {
    }
}
