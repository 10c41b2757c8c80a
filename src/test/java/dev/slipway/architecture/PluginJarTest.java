package dev.slipway.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The kubectl-slipway jar's hand-kept include list in pom.xml cannot drift: it must name exactly the packages the
 * plugin's classes depend on, directly or through each other, and everything it ships must load with the plugin's
 * own lib folder. Whole packages: the jar takes a package with all its classes, so every class of an included
 * package counts, not only those the plugin calls.
 */
class PluginJarTest {
    private static final String PLUGIN = "dev.slipway.cli";

    @Test
    void theJarIncludesExactlyThePackagesThePluginReaches() throws Exception {
        assertThat(PluginJar.packages())
            .as("pom.xml, maven-jar-plugin execution kubectl-slipway: <include>dev/slipway/<name>/**</include>")
            .isEqualTo(reachedFrom(PLUGIN));
    }

    @Test
    void whatTheJarShipsNeedsOnlyTheJarAndItsLibraries() throws Exception {
        Set<String> shipped = PluginJar.packages();
        classes().that().resideInAnyPackage(shipped.stream().map(name -> name + "..").toArray(String[]::new))
            .should().onlyDependOnClassesThat().resideInAnyPackage(PluginJar.withLibraries(shipped))
            .because("kubectl-slipway's classpath is its jar and target/kubectl-slipway-lib, nothing of the operator's")
            .check(ProductionClasses.ALL);
    }

    /** The top-level packages under dev.slipway that {@code start}'s classes depend on, transitively, with start. */
    private static Set<String> reachedFrom(String start) {
        Set<String> reached = new TreeSet<>(Set.of(start));
        Deque<String> next = new ArrayDeque<>(reached);
        while (!next.isEmpty()) {
            String current = next.pop();
            for (JavaClass type : ProductionClasses.ALL) {
                if (!current.equals(topLevel(type))) {
                    continue;
                }
                for (Dependency dependency : type.getDirectDependenciesFromSelf()) {
                    String target = topLevel(dependency.getTargetClass().getBaseComponentType());
                    if (target != null && reached.add(target)) {
                        next.push(target);
                    }
                }
            }
        }
        return reached;
    }

    /** dev.slipway.cli for dev.slipway.cli.args.Parser; null outside dev.slipway. */
    private static String topLevel(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length >= 3 && parts[0].equals("dev") && parts[1].equals("slipway")
            ? "dev.slipway." + parts[2] : null;
    }
}
