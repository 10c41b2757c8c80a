package dev.slipway.architecture;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.w3c.dom.NodeList;

/** What the kubectl-slipway jar is built from: the packages pom.xml includes, and the libraries beside it. */
final class PluginJar {
    /**
     * The plugin's lib folder (pom.xml, execution kubectl-slipway-lib: Fabric8, Jackson, SnakeYAML, SLF4J) and the
     * JDK, as packages. No Quarkus, JOSDK, CDI, Vert.x, Micrometer or JBoss logging: those are the operator's.
     */
    static final String[] LIBRARIES = {"java..", "javax..", "io.fabric8..", "com.fasterxml.jackson..", "org.yaml..",
        "org.snakeyaml..", "org.slf4j.."};

    private static final String INCLUDES = "/project/build/plugins/plugin[artifactId='maven-jar-plugin']"
        + "/executions/execution[id='kubectl-slipway']/configuration/includes/include";
    private static final Pattern WHOLE_PACKAGE = Pattern.compile("dev/slipway/([a-z]+)/\\*\\*");

    private PluginJar() {
    }

    /** The top-level packages under dev.slipway the jar includes, e.g. dev.slipway.cli, each with its subpackages. */
    static Set<String> packages() throws Exception {
        NodeList includes = (NodeList) XPathFactory.newInstance().newXPath().evaluate(INCLUDES,
            DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(Path.of("pom.xml").toFile()),
            XPathConstants.NODESET);
        Set<String> packages = new TreeSet<>();
        for (int i = 0; i < includes.getLength(); i++) {
            String include = includes.item(i).getTextContent().trim();
            Matcher matcher = WHOLE_PACKAGE.matcher(include);
            if (!matcher.matches()) {
                throw new IllegalStateException("kubectl-slipway includes whole packages, dev/slipway/<name>/**; not " + include);
            }
            packages.add("dev.slipway." + matcher.group(1));
        }
        return packages;
    }

    /** The given packages as ArchUnit identifiers with their subpackages, then the libraries. */
    static String[] withLibraries(Set<String> packages) {
        return Stream.concat(packages.stream().map(name -> name + ".."), Stream.of(LIBRARIES)).toArray(String[]::new);
    }
}
