package io.kamea.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kamea.platform.ContentTooLargeException;
import jakarta.ejb.EJBException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import org.junit.jupiter.api.Test;

class KameaExceptionMapperTest {

    @Test
    void aFailureRaisedOnPurposeIsFoundWhereverTheRuntimeWrappedIt() {
        var tooLarge = new ContentTooLargeException("The request body", 32768, "KAMEA_MAX_CONFIGURATION_BYTES");

        // As a JSON-B reader passes on what the body's stream threw, and as the EJB container does.
        assertEquals(tooLarge, KameaExceptionMapper.within(
                new ProcessingException("reading", new JsonbException("Internal error", tooLarge))).orElseThrow());
        assertEquals(tooLarge, KameaExceptionMapper.within(new EJBException(tooLarge)).orElseThrow());
        assertEquals(tooLarge, KameaExceptionMapper.within(tooLarge).orElseThrow());
    }

    @Test
    void anythingElseIsNoneOfThem() {
        assertTrue(KameaExceptionMapper.within(new ProcessingException(new JsonbException("bad"))).isEmpty());
        assertTrue(KameaExceptionMapper.within(null).isEmpty());
    }
}
