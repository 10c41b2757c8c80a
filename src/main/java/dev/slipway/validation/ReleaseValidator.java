package dev.slipway.validation;

import dev.slipway.model.Release;
import dev.slipway.model.ReleaseSpec;
import dev.slipway.release.ImageReference;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** What makes a Release unusable, each problem as a sentence that says how to fix it. */
public final class ReleaseValidator {
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");

    private ReleaseValidator() {
    }

    /** Problems of the spec as written; empty when the release can run. */
    public static List<String> problems(Release release) {
        List<String> problems = new ArrayList<>();
        ReleaseSpec spec = release.getSpec();
        if (spec == null) {
            problems.add("spec is missing: a Release needs spec.app and spec.image");
            return problems;
        }
        if (spec.getApp() == null || spec.getApp().isBlank()) {
            problems.add("spec.app is missing: name the App this release belongs to");
        } else if (spec.getApp().length() > 63 || !DNS_LABEL.matcher(spec.getApp()).matches()) {
            problems.add("spec.app '" + spec.getApp() + "' is not a valid App name (a DNS label of at most 63 characters)");
        }
        if (spec.getImage() == null || spec.getImage().isBlank()) {
            problems.add("spec.image is missing: set the image to deploy, e.g. registry.example/shop/myapp:1.4.2");
        } else if (ImageReference.parse(spec.getImage()).isEmpty()) {
            problems.add("spec.image '" + spec.getImage() + "' is not a valid image reference;"
                + " use [registry/]repository[:tag][@sha256:digest] in lower case, e.g. registry.example/shop/myapp:1.4.2");
        }
        ConfigVarRules.check("spec", spec.getConfig(), spec.getEnvFrom(), problems::add);
        ProcessRules.check(spec.getApp(), "spec.processes", spec.getProcesses(), problems::add);
        return problems;
    }

    /** A numbered release whose spec changed afterwards (a server that did not enforce the CEL rule). */
    public static boolean changedAfterNumbering(Release release) {
        Long numbered = release.getStatus() == null ? null : release.getStatus().getNumberedGeneration();
        Long generation = release.getMetadata().getGeneration();
        return numbered != null && generation != null && generation > numbered;
    }
}
