package dev.slipway.cli;

import java.io.PrintWriter;

/** Where a run writes besides stdout: stderr for progress lines, and what the output is connected to. */
record Screen(PrintWriter err, Terminal terminal) {
}
