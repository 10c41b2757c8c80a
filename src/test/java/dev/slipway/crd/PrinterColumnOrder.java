package dev.slipway.crd;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The generator sorts printer columns by name; `kubectl get` shows them in list order, and the contract
 * fixes that order (VERSION, APP, PHASE, …). Restores the order the annotations are declared in.
 */
final class PrinterColumnOrder implements CRDPostProcessor {
    private final List<Class<?>> kinds;

    PrinterColumnOrder(List<Class<?>> kinds) {
        this.kinds = kinds;
    }

    @Override
    public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
        if (crd instanceof CustomResourceDefinition definition) {
            String kind = definition.getSpec().getNames().getKind();
            kinds.stream().filter(k -> k.getSimpleName().equals(kind)).findFirst().ifPresent(type -> {
                List<String> declared = Arrays.stream(type.getAnnotationsByType(AdditionalPrinterColumn.class))
                    .map(AdditionalPrinterColumn::name).toList();
                for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
                    if (version.getAdditionalPrinterColumns() != null) {
                        version.getAdditionalPrinterColumns().sort(Comparator.comparingInt(
                            (CustomResourceColumnDefinition c) -> declared.indexOf(c.getName())));
                    }
                }
            });
        }
        return crd;
    }
}
