package dev.slipway.model;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.List;

/** A status with kstatus conditions. */
public interface HasConditions {
    List<Condition> getConditions();

    void setConditions(List<Condition> conditions);

    Long getObservedGeneration();

    void setObservedGeneration(Long observedGeneration);
}
