package io.kamea.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * How many lines a source of device-caused log lines may write: at most {@code lines} a
 * {@code period}; past that, lines are only counted, and the first line of the next period says
 * how many were left out. A device looping on something Kamea refuses (a poison response a
 * millisecond) would otherwise grow the log at its publish rate.
 */
public final class LogBudget {

    private final int lines;
    private final Duration period;
    private final Clock clock;
    private Instant periodStart;
    private int written;
    private long suppressed;

    public LogBudget(int lines, Duration period) {
        this(lines, period, Clock.systemUTC());
    }

    LogBudget(int lines, Duration period, Clock clock) {
        this.lines = lines;
        this.period = period;
        this.clock = clock;
        this.periodStart = clock.instant();
    }

    /**
     * Whether a line may be written now; if so, {@link #leftOut()} tells the caller what to add to
     * it. Not called for lines that would not be written at the logger's level anyway.
     */
    public synchronized Allowance take() {
        Instant now = clock.instant();
        if (!now.isBefore(periodStart.plus(period))) {
            periodStart = now;
            written = 0;
        }
        if (written >= lines) {
            suppressed++;
            return Allowance.REFUSED;
        }
        written++;
        long left = suppressed;
        suppressed = 0;
        return new Allowance(true, left);
    }

    /** Whether to write, and how many lines were left out before this one. */
    public record Allowance(boolean write, long leftOut) {

        static final Allowance REFUSED = new Allowance(false, 0);

        /** The note to end the line with, empty when nothing was left out. */
        public String note() {
            return leftOut == 0 ? "" : " (" + leftOut + " similar line(s) left out before this one)";
        }
    }
}
