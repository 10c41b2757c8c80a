package dev.slipway.crd;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.types.CelKind;

/**
 * The cost of a comprehension (all, exists, exists_one, map, filter, as the macros expand): the range, the
 * accumulator's start and the result once, and the loop condition and step once per element of the range, whose
 * size is the schema's maxItems or maxProperties, or its estimate from the request limit. Port of cel-go's
 * costComprehension and pushIter*.
 */
final class CelComprehensions {
    private CelComprehensions() {
    }

    static Estimate cost(CelCoster coster, CelCostState state, CelExpr e) {
        CelComprehension c = e.comprehension();
        Estimate sum = coster.cost(c.iterRange()).add(coster.cost(c.accuInit()));
        state.pushLocalVar(c.accuVar(), c.accuInit());
        boolean twoVars = c.iterVar2() != null && !c.iterVar2().isEmpty();
        if (twoVars) {
            pushIterVar(state, c.iterVar(), c.iterRange(), true);
            pushIterVar(state, c.iterVar2(), c.iterRange(), false);
        } else {
            pushIterSingle(state, c.iterVar(), c.iterRange());
        }
        Estimate loopCost = coster.cost(c.loopCondition());
        Estimate stepCost = coster.cost(c.loopStep());
        state.pop(c.iterVar());
        if (twoVars) {
            state.pop(c.iterVar2());
        }
        sum = sum.add(coster.cost(c.result()));
        state.pop(c.accuVar());

        Estimate rangeCount = state.sizeOrUnknown(c.iterRange());
        sum = sum.add(rangeCount.multiply(stepCost.add(loopCost)));
        switch (c.accuInit().getKind()) {
            case CONSTANT -> state.setSize(e, state.computeSize(c.accuInit()));
            case LIST, MAP -> {
                state.setSize(e, rangeCount);
                state.setEntrySize(e, state.entrySize(c.loopStep()));
            }
            default -> {
            }
        }
        return sum;
    }

    /** One variable: a list's elements (@items), a map's keys (@keys). */
    private static void pushIterSingle(CelCostState state, String name, CelExpr range) {
        CelCostState.EntrySize entries = state.entrySize(range);
        boolean list = container(state, entries, range) == CelKind.LIST;
        Estimate size = entries == null ? null : list ? entries.value() : entries.key();
        state.push(name, CelCostState.append(state.path(range), list ? "@items" : "@keys"), size, null);
    }

    /** Two variables: index (@indices) or key (@keys), then element (@items) or value (@values). */
    private static void pushIterVar(CelCostState state, String name, CelExpr range, boolean key) {
        CelCostState.EntrySize entries = state.entrySize(range);
        boolean list = container(state, entries, range) == CelKind.LIST;
        Estimate size = entries == null ? null : key ? entries.key() : entries.value();
        String element = key ? (list ? "@indices" : "@keys") : (list ? "@items" : "@values");
        state.push(name, CelCostState.append(state.path(range), element), size, null);
    }

    private static CelKind container(CelCostState state, CelCostState.EntrySize entries, CelExpr range) {
        return entries != null ? entries.container() : state.type(range).kind();
    }
}
