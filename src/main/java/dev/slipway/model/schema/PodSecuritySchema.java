package dev.slipway.model.schema;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Size;
import java.util.List;

/**
 * The CRD schema of a core/v1 PodSecurityContext (the Java model keeps Fabric8's type): user and group ids in the
 * range Kubernetes accepts (0 to 2^31-1), the values it knows for each policy, its own length limits where it has
 * them (profile paths, Windows user names and credential specs). Schema only, never instantiated.
 */
public class PodSecuritySchema {
    private static final String PROFILE_TYPES = "^(RuntimeDefault|Localhost|Unconfined)$";

    @JsonPropertyDescription("User id the containers run as.")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Long runAsUser;
    @JsonPropertyDescription("Group id the containers run as.")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Long runAsGroup;
    @JsonPropertyDescription("Refuse to start a container that would run as root.")
    public Boolean runAsNonRoot;
    @JsonPropertyDescription("Group that owns mounted volumes.")
    @Min(0) @Max(Bounds.INT32_MAX)
    public Long fsGroup;
    @JsonPropertyDescription("OnRootMismatch or Always.")
    @Size(max = 14)
    @Pattern("^(OnRootMismatch|Always)?$")
    public String fsGroupChangePolicy;
    @JsonPropertyDescription("Further groups of the first process of each container.")
    @Size(max = Bounds.GROUPS)
    public List<@Min(0) @Max(Bounds.INT32_MAX) Long> supplementalGroups;
    @JsonPropertyDescription("Merge or Strict.")
    @Size(max = 6)
    @Pattern("^(Merge|Strict)?$")
    public String supplementalGroupsPolicy;
    @JsonPropertyDescription("SELinux context of the containers.")
    public SeLinux seLinuxOptions;
    @JsonPropertyDescription("MountOption or Recursive.")
    @Size(max = 11)
    @Pattern("^(MountOption|Recursive)?$")
    public String seLinuxChangePolicy;
    @JsonPropertyDescription("Seccomp profile of the containers.")
    public Profile seccompProfile;
    @JsonPropertyDescription("AppArmor profile of the containers.")
    public Profile appArmorProfile;
    @JsonPropertyDescription("Namespaced sysctls set for the pod.")
    @Size(max = Bounds.ITEMS)
    public List<Sysctl> sysctls;
    @JsonPropertyDescription("Windows settings of the containers.")
    public Windows windowsOptions;

    public static class SeLinux {
        @JsonPropertyDescription("SELinux user.")
        @Size(max = Bounds.TEXT)
        public String user;
        @JsonPropertyDescription("SELinux role.")
        @Size(max = Bounds.TEXT)
        public String role;
        @JsonPropertyDescription("SELinux type.")
        @Size(max = Bounds.TEXT)
        public String type;
        @JsonPropertyDescription("SELinux level.")
        @Size(max = Bounds.TEXT)
        public String level;
    }

    public static class Profile {
        @JsonPropertyDescription("RuntimeDefault, Localhost or Unconfined.")
        @Size(max = 14)
        @Pattern(PROFILE_TYPES)
        public String type;
        @JsonPropertyDescription("With type Localhost: the profile's path on the node.")
        @Size(max = Bounds.PROFILE_PATH)
        public String localhostProfile;
    }

    public static class Sysctl {
        @JsonPropertyDescription("Name of the sysctl.")
        @Size(max = Bounds.NAME)
        public String name;
        @JsonPropertyDescription("Value to set.")
        @Size(max = Bounds.TEXT)
        public String value;
    }

    public static class Windows {
        @JsonPropertyDescription("Contents of the GMSA credential spec.")
        @Size(max = 64 * 1024)
        public String gmsaCredentialSpec;
        @JsonPropertyDescription("Name of the GMSA credential spec resource.")
        @Size(max = Bounds.NAME)
        public String gmsaCredentialSpecName;
        @JsonPropertyDescription("Run as Windows host processes.")
        public Boolean hostProcess;
        @JsonPropertyDescription("Windows user, DOMAIN\\USER or USER.")
        @Size(max = 360)
        public String runAsUserName;
    }
}
