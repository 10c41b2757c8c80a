package dev.slipway.reconcile;

import dev.slipway.model.Rollback;
import dev.slipway.model.RollbackStatus;
import java.util.List;

/** A Rollback's final status to write (Succeeded, or Failed when refused), and what the write tells once made. */
record RollbackStatusChange(Rollback rollback, RollbackStatus status, List<Notice> notices) {
}
