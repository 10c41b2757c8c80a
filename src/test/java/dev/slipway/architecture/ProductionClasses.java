package dev.slipway.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The operator's and the plugin's classes (target/classes), read once for all architecture tests. Production
 * classes only: tests may reach across layers to set things up.
 */
final class ProductionClasses {
    static final JavaClasses ALL = new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .importPackages("dev.slipway");

    private ProductionClasses() {
    }
}
