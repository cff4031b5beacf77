package io.kamea.provisioning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import io.kamea.platform.InvalidRequestException;
import jakarta.persistence.TypedQuery;
import org.junit.jupiter.api.Test;

/** The device listing's filters and the JPQL they make (the real queries run in the e2e tests). */
class DeviceListingTest {

    @Test
    void noFilterListsEverything() {
        var listing = new DeviceListing(null, "  ", null, null);
        assertNull(listing.search());
        assertEquals("select d from Device d order by d.createdAt desc, d.id", listing.pageQuery());
        assertEquals("select count(d) from Device d", listing.countQuery());
        @SuppressWarnings("unchecked")
        TypedQuery<Device> query = mock(TypedQuery.class);
        listing.bind(query);
        verify(query, never()).setParameter(anyString(), any());
    }

    @Test
    void searchMatchesNameOrInterfaceNameIgnoringCase() {
        var listing = new DeviceListing(null, " Boiler ", null, null);
        assertTrue(listing.pageQuery().contains("lower(d.name) like :search"), listing.pageQuery());
        assertTrue(listing.pageQuery().contains("lower(d.interfaceName) like :search"), listing.pageQuery());
        assertTrue(listing.countQuery().contains(":search"));
        @SuppressWarnings("unchecked")
        TypedQuery<Device> query = mock(TypedQuery.class);
        listing.bind(query);
        verify(query).setParameter("search", "%boiler%");
    }

    @Test
    void searchAndConnectivityCombine() {
        String page = new DeviceListing(false, "pump", null, null).pageQuery();
        assertTrue(page.contains("where not exists (select s from DeviceConnectivity s"), page);
        assertTrue(page.contains(" and (lower(d.name) like :search"), page);
        assertTrue(page.endsWith("order by d.createdAt desc, d.id"));
        assertFalse(new DeviceListing(true, null, null, null).countQuery().contains(":search"));
    }

    @Test
    void disabledFilterNeedsNoParameterAndCombinesWithStatus() {
        String disabled = new DeviceListing(null, null, DeviceStatus.PENDING, true).countQuery();
        assertTrue(disabled.endsWith("where d.status = :status and d.disabledAt is not null"), disabled);
        String enabled = new DeviceListing(null, null, null, false).pageQuery();
        assertTrue(enabled.contains("where d.disabledAt is null order by"), enabled);
    }

    @Test
    void likeWildcardsInTheSearchAreTakenLiterally() {
        assertEquals("%50!%!_off!!%", DeviceListing.likePattern("50%_OFF!"));
    }

    @Test
    void overlongSearchIsInvalid() {
        assertThrows(InvalidRequestException.class, () -> new DeviceListing(null, "x".repeat(201), null, null));
    }
}
