package dev.slipway.cli;

import dev.slipway.release.ImageReference;

/**
 * The IMAGE of `deploy`, checked with the operator's own rule before a release is made: a bad reference would use up
 * a version, show as the newest release and fail without ever running.
 */
final class ImageArgs {
    private ImageArgs() {
    }

    /** @throws IllegalArgumentException saying what is wrong and what a reference looks like */
    static String check(String text) {
        if (text.isBlank()) {
            throw new IllegalArgumentException("the image is empty; give [registry/]repository[:tag][@sha256:digest], "
                + "e.g. registry.example/shop/web:1.4.2");
        }
        if (ImageReference.parse(text).isEmpty()) {
            throw new IllegalArgumentException("'" + text + "' is not an image reference; give [registry/]repository[:tag][@sha256:digest]"
                + " in lower case, e.g. registry.example/shop/web:1.4.2");
        }
        return text;
    }
}
