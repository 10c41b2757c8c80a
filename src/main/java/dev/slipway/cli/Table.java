package dev.slipway.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Columns aligned with three spaces between them, headers in capitals, like kubectl get. Columns of free text
 * (a release's description) may be marked to shrink, so that a long text does not make every line wrap.
 */
final class Table {
    static final String ELLIPSIS = "…";
    private static final String GAP = "   ";
    /** A shrunk column keeps at least this much, or its header: below that its text says nothing. */
    private static final int NARROWEST = 8;

    private final List<String[]> rows = new ArrayList<>();
    private boolean[] shrinkable;

    Table(String... headers) {
        rows.add(headers);
        shrinkable = new boolean[headers.length];
    }

    Table row(Object... cells) {
        String[] texts = new String[cells.length];
        for (int i = 0; i < cells.length; i++) {
            texts[i] = cells[i] == null ? "" : String.valueOf(cells[i]);
        }
        rows.add(texts);
        return this;
    }

    /** Columns of free text that give way when the table is wider than the terminal. */
    Table shrinking(int... columns) {
        for (int column : columns) {
            shrinkable[column] = true;
        }
        return this;
    }

    void print(PrintWriter out) {
        print(out, Terminal.NO_LIMIT);
    }

    /** Prints the rows in at most {@code width} columns if shrinking the free-text columns gets them there. */
    void print(PrintWriter out, int width) {
        int[] widths = fit(natural(), width);
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = cut(row[i], widths[i]);
                line.append(cell);
                if (i < widths.length - 1) {
                    line.append(" ".repeat(widths[i] - cell.length())).append(GAP);
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private int[] natural() {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        return widths;
    }

    /**
     * Takes the excess from the widest shrinkable column, one character at a time, so that two long columns end
     * up alike rather than one of them gone; a column stops at its floor, and what cannot be taken stays (the
     * line then wraps, as it would have anyway).
     */
    int[] fit(int[] natural, int width) {
        int[] widths = natural.clone();
        long total = GAP.length() * (long) (widths.length - 1);
        for (int w : widths) {
            total += w;
        }
        long excess = total - width;
        while (excess > 0) {
            int widest = -1;
            for (int i = 0; i < widths.length; i++) {
                if (shrinkable[i] && widths[i] > floor(i) && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            excess--;
        }
        return widths;
    }

    private int floor(int column) {
        return Math.max(NARROWEST, rows.get(0)[column].length());
    }

    /** The text, or as much as fits followed by "…". */
    static String cut(String text, int width) {
        return text.length() <= width ? text : text.substring(0, Math.max(0, width - ELLIPSIS.length())) + ELLIPSIS;
    }
}
