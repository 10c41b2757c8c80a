package dev.slipway.status;

/** The kstatus condition types, as users write them in `kubectl wait --for=condition=Ready`. */
public final class ConditionType {
    public static final String READY = "Ready";
    public static final String RECONCILING = "Reconciling";
    public static final String STALLED = "Stalled";
    /** App only: whether the running release runs App.spec.config (False after a rollback, by design). */
    public static final String CONFIG_IN_SYNC = "ConfigInSync";
    /** App only: whether the running release runs the process templates of App.spec.processes (False after a rollback, by design). */
    public static final String PROCESSES_IN_SYNC = "ProcessesInSync";
    /** App only, present when releases over historyLimit are kept by another tool (always False then). */
    public static final String HISTORY_PRUNED = "HistoryPruned";

    private ConditionType() {
    }
}
