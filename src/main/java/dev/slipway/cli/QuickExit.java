package dev.slipway.cli;

/**
 * System.exit without a 0.3 s pause. On exit HotSpot waits up to 300 ms for every thread that is running native
 * code; the JDK 17 HTTP client's selector thread sits in epoll until its client is garbage-collected (JDK 21's
 * HttpClient.shutdownNow stops it, 17 has no such call), so every run paid the full wait. Interrupting the
 * selector thread makes it close its selector and end, the documented way out of Selector.select.
 */
final class QuickExit {
    /** The JDK names the thread "HttpClient-N-SelectorManager"; nothing else of the plugin's runs in native. */
    private static final String SELECTOR_THREAD = "-SelectorManager";
    private static final long JOIN_MILLIS = 100;

    private QuickExit() {
    }

    static void exit(int code) {
        for (Thread thread : liveThreads()) {
            if (thread != Thread.currentThread() && thread.getName().startsWith("HttpClient-")
                && thread.getName().endsWith(SELECTOR_THREAD)) {
                thread.interrupt();
                try {
                    thread.join(JOIN_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        System.exit(code);
    }

    private static Thread[] liveThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int count = root.enumerate(threads, true);
        Thread[] live = new Thread[count];
        System.arraycopy(threads, 0, live, 0, count);
        return live;
    }
}
