package dev.slipway.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Size;

/** Build metadata shown in the history. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ReleaseSource {
    @JsonPropertyDescription("Commit the image was built from (full or short SHA).")
    @Size(max = 64)
    private String commit;
    @JsonPropertyDescription("Branch the commit is on.")
    @Size(max = 255)
    private String branch;
    @JsonPropertyDescription("Repository URL.")
    @Size(max = 2048)
    private String repository;
    @JsonPropertyDescription("Commit message or change summary.")
    @Size(max = 4096)
    private String message;

    public String getCommit() { return commit; }
    public void setCommit(String commit) { this.commit = commit; }
    public String getBranch() { return branch; }
    public void setBranch(String branch) { this.branch = branch; }
    public String getRepository() { return repository; }
    public void setRepository(String repository) { this.repository = repository; }
    public String getMessage() { return message; }
    public void setMessage(String message) { this.message = message; }
}
