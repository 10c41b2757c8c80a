package dev.slipway.release;

import dev.slipway.model.ReleaseSpec;

/** The history text the operator writes when a release has none, like Heroku's "Deploy 6d58b1ce". */
public final class Descriptions {
    private static final int SHORT_SHA = 8;

    private Descriptions() {
    }

    public static String deploy(ReleaseSpec spec) {
        if (spec.getSource() != null && spec.getSource().getCommit() != null && !spec.getSource().getCommit().isBlank()) {
            String commit = spec.getSource().getCommit().trim();
            return "Deploy " + commit.substring(0, Math.min(SHORT_SHA, commit.length()));
        }
        return "Deploy " + ImageReference.parse(spec.getImage()).map(ImageReference::shortLabel).orElse(spec.getImage());
    }
}
