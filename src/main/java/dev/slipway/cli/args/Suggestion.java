package dev.slipway.cli.args;

import java.util.Collection;

/** "did you mean 'deploy'?" for a mistyped command or option name: the closest name, if one is close. */
final class Suggestion {
    /** Two edits (a transposition counts as one) still reads as a typo; more reads as another word. */
    private static final int MAX_EDITS = 2;
    private static final int MIN_PREFIX = 3;

    private Suggestion() {
    }

    /** "; did you mean 'deploy'?", or "" when no candidate is close. */
    static String closest(String typed, Collection<String> candidates) {
        String best = null;
        int bestDistance = MAX_EDITS + 1;
        for (String candidate : candidates) {
            int distance = candidate.startsWith(typed) && typed.length() >= MIN_PREFIX ? 1 : distance(typed, candidate);
            // Half the word changed is no longer a typo: "-x" is not a mistyped "-a".
            if (distance < bestDistance && 2 * distance < typed.length()) {
                best = candidate;
                bestDistance = distance;
            }
        }
        return best == null ? "" : "; did you mean '" + best + "'?";
    }

    /** The closest command if one is close, else the list of them: "releases v3" was meant as "releases info v3". */
    static String command(String typed, Collection<String> commands) {
        String closest = closest(typed, commands);
        return closest.isEmpty() ? "; the commands are " + String.join(", ", commands) : closest;
    }

    /** Edits from a to b: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment). */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
