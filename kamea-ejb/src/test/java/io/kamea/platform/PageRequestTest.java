package io.kamea.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PageRequestTest {

    @Test
    void firstRowIsPageTimesSize() {
        assertEquals(0, new PageRequest(0, 50).firstResult());
        assertEquals(150, new PageRequest(3, 50).firstResult());
    }

    @Test
    void pageWhoseFirstRowWouldOverflowIsInvalidNotAServerError() {
        var e = assertThrows(InvalidRequestException.class, () -> new PageRequest(Integer.MAX_VALUE, 500));

        assertEquals(400, e.status());
        assertEquals("page 2147483647 is out of range: with size 500, page must be at most 4294967 "
                + "(page × size at most 2147483647)", e.getMessage());
    }

    @Test
    void theLastPossiblePageIsStillAPage() {
        int last = Integer.MAX_VALUE / 500;
        assertEquals(last * 500, new PageRequest(last, 500).firstResult());
        assertThrows(InvalidRequestException.class, () -> new PageRequest(last + 1, 500));
        assertEquals(Integer.MAX_VALUE, new PageRequest(Integer.MAX_VALUE, 1).firstResult());
    }

    @Test
    void negativePageAndSizeOutOfRangeAreInvalid() {
        for (int[] pageAndSize : new int[][] {{-1, 10}, {0, 0}, {0, 501}, {Integer.MIN_VALUE, 500}}) {
            var e = assertThrows(InvalidRequestException.class, () -> new PageRequest(pageAndSize[0], pageAndSize[1]));
            assertTrue(e.getMessage().contains("size between 1 and 500"), e.getMessage());
        }
    }
}
