package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** The pod settings an App may set for all its processes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodTemplateOverrides {
    @JsonPropertyDescription("Service account the pods run as.")
    private String serviceAccountName;
    @JsonPropertyDescription("Secrets used to pull the release image.")
    private List<LocalObjectReference> imagePullSecrets;
    @JsonPropertyDescription("Node selector of the pods.")
    private Map<String, String> nodeSelector;
    @JsonPropertyDescription("Tolerations of the pods.")
    private List<Toleration> tolerations;
    @JsonPropertyDescription("Extra pod labels. Labels under slipway.dev/ and app.kubernetes.io/ are set by the operator and cannot be overridden.")
    private Map<String, String> labels;
    @JsonPropertyDescription("Extra pod annotations.")
    private Map<String, String> annotations;
    @JsonPropertyDescription("Pod security context.")
    private PodSecurityContext securityContext;

    public String getServiceAccountName() { return serviceAccountName; }
    public void setServiceAccountName(String serviceAccountName) { this.serviceAccountName = serviceAccountName; }
    public List<LocalObjectReference> getImagePullSecrets() { return imagePullSecrets; }
    public void setImagePullSecrets(List<LocalObjectReference> imagePullSecrets) { this.imagePullSecrets = imagePullSecrets; }
    public Map<String, String> getNodeSelector() { return nodeSelector; }
    public void setNodeSelector(Map<String, String> nodeSelector) { this.nodeSelector = nodeSelector; }
    public List<Toleration> getTolerations() { return tolerations; }
    public void setTolerations(List<Toleration> tolerations) { this.tolerations = tolerations; }
    public Map<String, String> getLabels() { return labels; }
    public void setLabels(Map<String, String> labels) { this.labels = labels; }
    public Map<String, String> getAnnotations() { return annotations; }
    public void setAnnotations(Map<String, String> annotations) { this.annotations = annotations; }
    public PodSecurityContext getSecurityContext() { return securityContext; }
    public void setSecurityContext(PodSecurityContext securityContext) { this.securityContext = securityContext; }
}
