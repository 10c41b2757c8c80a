package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import dev.slipway.model.schema.Bounds;
import dev.slipway.model.schema.PodSchemas;
import dev.slipway.model.schema.PodSecuritySchema;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import io.fabric8.kubernetes.api.model.LocalObjectReference;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;
import java.util.Map;

/** The pod settings an App may set for all its processes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PodTemplateOverrides {
    @JsonPropertyDescription("Service account the pods run as.")
    @Size(max = Bounds.NAME)
    private String serviceAccountName;
    @JsonPropertyDescription("Secrets used to pull the release image.")
    @Size(max = Bounds.ITEMS)
    @SchemaFrom(type = PodSchemas.SecretName[].class)
    private List<LocalObjectReference> imagePullSecrets;
    @JsonPropertyDescription("Node selector of the pods: node label names and the values they must have.")
    @Size(max = Bounds.ITEMS)
    private Map<String, @Size(max = Bounds.LABEL) @Pattern(Bounds.LABEL_VALUE_PATTERN) String> nodeSelector;
    @JsonPropertyDescription("Tolerations of the pods.")
    @Size(max = Bounds.ITEMS)
    @SchemaFrom(type = PodSchemas.Toleration[].class)
    private List<Toleration> tolerations;
    @JsonPropertyDescription("Extra pod labels. Labels under slipway.dev/ and app.kubernetes.io/ are set by the operator and cannot be overridden.")
    @Size(max = Bounds.ITEMS)
    private Map<String, @Size(max = Bounds.LABEL) @Pattern(Bounds.LABEL_VALUE_PATTERN) String> labels;
    @JsonPropertyDescription("Extra pod annotations.")
    @Size(max = Bounds.ITEMS)
    private Map<String, @Size(max = Bounds.ANNOTATION_VALUE) String> annotations;
    @JsonPropertyDescription("Pod security context.")
    @SchemaFrom(type = PodSecuritySchema.class)
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
