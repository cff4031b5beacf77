package io.kamea.web.limits;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;

/**
 * A stream that gives at most {@code limit} bytes of another and throws once asked for more: a
 * body without Content-Length (chunked), or longer than it declared, is refused after
 * {@code limit + 1} bytes, whatever size it has. No mark: a byte read is counted once.
 */
final class BoundedInputStream extends FilterInputStream {

    private final long limit;
    private final Supplier<? extends RuntimeException> tooLarge;
    private long count;

    BoundedInputStream(InputStream in, long limit, Supplier<? extends RuntimeException> tooLarge) {
        super(in);
        this.limit = limit;
        this.tooLarge = tooLarge;
    }

    @Override
    public int read() throws IOException {
        refuseIfPast();
        int b = super.read();
        if (b >= 0) {
            counted(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        refuseIfPast();
        // One byte past the limit is enough to know, so no more is asked of the client.
        int n = super.read(buffer, offset, (int) Math.min(length, limit - count + 1));
        if (n > 0) {
            counted(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        refuseIfPast();
        long skipped = super.skip(Math.min(n, limit - count + 1));
        counted(skipped);
        return skipped;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public synchronized void mark(int readLimit) {
    }

    @Override
    public synchronized void reset() throws IOException {
        throw new IOException("mark/reset not supported");
    }

    private void counted(long n) {
        count += n;
        refuseIfPast();
    }

    private void refuseIfPast() {
        if (count > limit) {
            throw tooLarge.get();
        }
    }
}
