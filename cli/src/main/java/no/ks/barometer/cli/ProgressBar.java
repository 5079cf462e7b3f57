package no.ks.barometer.cli;

import java.io.PrintStream;

/** A download's progress on standard error, redrawn in place: {@code [#####.....]  52 %  1,2 MiB}. */
final class ProgressBar implements ApiClient.Transfer {

    private static final int WIDTH = 30;

    private final PrintStream err;
    private long length = -1;
    private int lastDrawn = -1;

    ProgressBar(PrintStream err) {
        this.err = err;
    }

    @Override
    public void started(long length) {
        this.length = length;
        received(0);
    }

    @Override
    public void received(long bytes) {
        int percent = length > 0 ? (int) Math.min(100, bytes * 100 / length) : -1;
        int step = percent >= 0 ? percent : (int) (bytes / (64 * 1024));
        if (step == lastDrawn) {
            return;
        }
        lastDrawn = step;
        if (percent >= 0) {
            int filled = percent * WIDTH / 100;
            err.printf("\r[%s%s] %3d %%  %s", "#".repeat(filled), ".".repeat(WIDTH - filled), percent, size(bytes));
        } else {
            err.printf("\r%s", size(bytes));
        }
        err.flush();
    }

    void finish() {
        err.println();
    }

    static String size(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format(java.util.Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        }
        return String.format(java.util.Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
}
