package io.kamea.simulator;

/**
 * The publishes of one connection that await their acknowledgement (at most {@code size}), and
 * whether the connection may send. Changed only on the connection's event loop; {@link #isIdle()}
 * is read by the thread that drains the run.
 */
final class PublishWindow {

    private final int size;
    private volatile int inFlight;
    private boolean open;

    PublishWindow(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("a window needs room for one publish at least, got " + size);
        }
        this.size = size;
    }

    /** The connection is up: it may send. */
    void open() {
        open = true;
    }

    boolean hasRoom() {
        return open && inFlight < size;
    }

    void sent() {
        inFlight = inFlight + 1; // one writer, the event loop
    }

    /**
     * A publish was acknowledged or failed. False if it was already given up with the connection
     * ({@link #abandon()} counted it), so that nothing is counted twice.
     */
    boolean settle() {
        if (inFlight == 0) {
            return false;
        }
        inFlight = inFlight - 1;
        return true;
    }

    /** No more sending (the client refused a message); what is in flight may still settle. */
    void shut() {
        open = false;
    }

    /** The connection is gone: returns how many publishes will never be acknowledged. */
    int abandon() {
        open = false;
        int lost = inFlight;
        inFlight = 0;
        return lost;
    }

    boolean isIdle() {
        return inFlight == 0;
    }
}
