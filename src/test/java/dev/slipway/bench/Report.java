package dev.slipway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The results as one Markdown block: printed, and written into docs/benchmarks.md between two marker
 * comments, so the prose around it (method, cost model, analysis) stays hand-written.
 */
final class Report {
    private record Row(String measure, String result, String target, String verdict) {
    }

    private final MachineInfo machine;
    private final String begin;
    private final String end;
    private final List<String> settings = new ArrayList<>();
    private final List<Row> rows = new ArrayList<>();
    private final List<String> sections = new ArrayList<>();

    /** A report written between the markers of {@code block}: "bench" for make bench, "bench-startup" for its start-up part. */
    Report(MachineInfo machine, String block) {
        this.machine = machine;
        this.begin = "<!-- " + block + ":begin (written by make " + block + ") -->";
        this.end = "<!-- " + block + ":end -->";
    }

    void setting(String line) {
        settings.add(line);
    }

    /** A measured figure without a target. */
    void row(String measure, String result) {
        rows.add(new Row(measure, result, "", ""));
        System.out.printf("  %-62s %s%n", measure, result);
    }

    /** A measured figure against its target. */
    void row(String measure, String result, String target, boolean met) {
        rows.add(new Row(measure, result, target, met ? "met" : "**missed**"));
        System.out.printf("  %-62s %s   (target %s: %s)%n", measure, result, target, met ? "met" : "MISSED");
    }

    /** A titled Markdown table or list appended after the results table. */
    void section(String title, List<String> lines) {
        sections.add("#### " + title + "\n\n" + String.join("\n", lines) + "\n");
        System.out.println("  " + title);
        lines.stream().skip(2).forEach(line -> System.out.println("    " + line));
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        md.append("#### Machine and run\n\n");
        machine.lines().forEach(l -> md.append("- ").append(l).append('\n'));
        settings.forEach(l -> md.append("- ").append(l).append('\n'));
        md.append("\n| Measure | Result | Target | |\n|---|---|---|---|\n");
        rows.forEach(r -> md.append("| ").append(r.measure()).append(" | ").append(r.result()).append(" | ")
            .append(r.target()).append(" | ").append(r.verdict()).append(" |\n"));
        sections.forEach(s -> md.append('\n').append(s));
        return md.toString();
    }

    /** Replaces the block between the markers in {@code file}, or appends one when there is none. */
    void writeInto(Path file) throws IOException {
        String block = begin + "\n" + markdown() + end;
        String text = Files.exists(file) ? Files.readString(file) : "";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        String updated = from >= 0 && to > from
            ? text.substring(0, from) + block + text.substring(to + end.length())
            : text + (text.isEmpty() || text.endsWith("\n") ? "" : "\n") + block + "\n";
        Files.writeString(file, updated);
    }
}
