package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJBException;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseErrorsTest {

    @Test
    void aNulByteInTextIsAboutTheDataHoweverWrapped() {
        var nul = new EJBException(new PersistenceException(
                new SQLException("invalid byte sequence for encoding \"UTF8\": 0x00", "22021")));

        assertTrue(DatabaseErrors.isAboutTheData(nul));
        assertEquals("22021", DatabaseErrors.sqlError(nul).orElseThrow().getSQLState());
    }

    @Test
    void lostConnectionsExhaustedPoolsAndOtherFailuresAreNot() {
        assertFalse(DatabaseErrors.isAboutTheData(new PersistenceException(new SQLException("refused", "08001"))));
        assertFalse(DatabaseErrors.isAboutTheData(new PersistenceException(new SQLException("no connection in 60 s"))));
        assertFalse(DatabaseErrors.isAboutTheData(new IllegalStateException("bug")));
        assertFalse(DatabaseErrors.isAboutTheData((Throwable) null));
    }
}
