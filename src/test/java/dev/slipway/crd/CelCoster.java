package dev.slipway.crd;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelConstant;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.ast.CelExpr.CelComprehension;
import dev.cel.common.types.CelKind;
import java.util.ArrayList;
import java.util.List;

/**
 * The static cost of a checked CEL expression: a port of cel-go's checker/cost.go (the coster), which the API server
 * runs on every x-kubernetes-validations rule and whose maximum it compares with its limits. This class walks the
 * expression as cel-go does; comprehensions are in {@link CelComprehensions}, function costs in
 * {@link CelCallCosts}, the bookkeeping in {@link CelCostState}.
 */
final class CelCoster {
    private static final Estimate SELECT_AND_IDENT_COST = Estimate.fixed(1);
    /** Kubernetes turns off the cost of has() (PresenceTestHasCost(false) in its base environment). */
    private static final Estimate PRESENCE_TEST_COST = Estimate.ZERO;
    private static final Estimate LIST_CREATE_BASE_COST = Estimate.fixed(10);
    private static final Estimate MAP_CREATE_BASE_COST = Estimate.fixed(30);
    private static final Estimate STRUCT_CREATE_BASE_COST = Estimate.fixed(40);

    private final CelCostState state;
    private final CelCallCosts calls;

    private CelCoster(CelCostState state) {
        this.state = state;
        this.calls = new CelCallCosts(state);
    }

    static Estimate cost(CelAbstractSyntaxTree checked, CelCostState.SizeEstimator sizes) {
        return new CelCoster(new CelCostState(checked, sizes)).cost(checked.getExpr());
    }

    Estimate cost(CelExpr e) {
        return switch (e.getKind()) {
            case CONSTANT -> Estimate.ZERO;
            case IDENT -> costIdent(e);
            case SELECT -> costSelect(e);
            case CALL -> costCall(e);
            case LIST -> costCreateList(e);
            case MAP -> costCreateMap(e);
            case STRUCT -> e.struct().entries().stream().map(entry -> cost(entry.value())).reduce(STRUCT_CREATE_BASE_COST, Estimate::add);
            case COMPREHENSION -> isBind(e) ? costBind(e) : CelComprehensions.cost(this, state, e);
            default -> Estimate.ZERO;
        };
    }

    private Estimate costIdent(CelExpr e) {
        String name = e.ident().name();
        state.setPath(e, state.isLocal(name) ? state.path(e) : List.of(name));
        return SELECT_AND_IDENT_COST;
    }

    private Estimate costSelect(CelExpr e) {
        CelExpr operand = e.select().operand();
        if (e.select().testOnly()) {
            return PRESENCE_TEST_COST.add(cost(operand));
        }
        Estimate sum = cost(operand);
        CelKind target = state.type(operand).kind();
        if (target == CelKind.MAP || target == CelKind.STRUCT || target == CelKind.TYPE_PARAM) {
            sum = sum.add(SELECT_AND_IDENT_COST);
        }
        state.setPath(e, CelCostState.append(state.path(operand), e.select().field()));
        return sum;
    }

    private Estimate costCall(CelExpr e) {
        CelExpr.CelCall call = e.call();
        if (call.function().equals("dyn")) {
            Estimate argument = cost(call.args().get(0));
            state.setSize(e, state.computeSize(call.args().get(0)));
            state.setEntrySize(e, state.entrySize(call.args().get(0)));
            return Estimate.fixed(1).add(argument);
        }
        List<CelCostState.Node> args = new ArrayList<>();
        List<Estimate> argCosts = new ArrayList<>();
        for (CelExpr arg : call.args()) {
            argCosts.add(cost(arg));
            args.add(state.node(arg));
        }
        List<String> overloads = state.overloads(e);
        if (overloads.isEmpty()) {
            return Estimate.ZERO;
        }
        Estimate sum = Estimate.ZERO;
        CelCostState.Node target = null;
        if (call.target().isPresent()) {
            sum = sum.add(cost(call.target().get()));
            target = state.node(call.target().get());
        }
        // A range covering every overload the checker left possible.
        Estimate functionCost = new Estimate(Estimate.UNBOUNDED, 0);
        Estimate resultSize = null;
        for (String overload : overloads) {
            CelCallCosts.Call estimate = calls.cost(e, overload, target, args, argCosts);
            functionCost = functionCost.union(estimate.cost());
            if (estimate.resultSize() != null) {
                resultSize = resultSize == null ? estimate.resultSize() : resultSize.union(estimate.resultSize());
            }
            if (overload.equals("index_list") || overload.equals("index_map")) {
                CelExpr container = call.args().get(0);
                CelCostState.EntrySize entries = state.entrySize(container);
                resultSize = entries == null ? null : entries.value();
                state.setPath(e, CelCostState.append(state.path(container), overload.equals("index_list") ? "@items" : "@values"));
            }
            if (resultSize == null) {
                resultSize = state.computeSize(e);
            }
        }
        state.setSize(e, resultSize);
        return sum.add(functionCost);
    }

    private Estimate costCreateList(CelExpr e) {
        Estimate sum = Estimate.ZERO;
        Estimate itemSize = new Estimate(e.list().elements().isEmpty() ? 0 : Estimate.UNBOUNDED, 0);
        for (CelExpr element : e.list().elements()) {
            sum = sum.add(cost(element));
            itemSize = itemSize.union(state.sizeOrUnknown(element));
        }
        state.setEntrySize(e, new CelCostState.EntrySize(CelKind.LIST, Estimate.fixed(1), itemSize));
        return sum.add(LIST_CREATE_BASE_COST);
    }

    private Estimate costCreateMap(CelExpr e) {
        Estimate sum = Estimate.ZERO;
        long min = e.map().entries().isEmpty() ? 0 : Estimate.UNBOUNDED;
        Estimate keySize = new Estimate(min, 0);
        Estimate valueSize = new Estimate(min, 0);
        for (CelExpr.CelMap.Entry entry : e.map().entries()) {
            sum = sum.add(cost(entry.key())).add(cost(entry.value()));
            keySize = keySize.union(state.sizeOrUnknown(entry.key()));
            valueSize = valueSize.union(state.sizeOrUnknown(entry.value()));
        }
        state.setEntrySize(e, new CelCostState.EntrySize(CelKind.MAP, keySize, valueSize));
        return sum.add(MAP_CREATE_BASE_COST);
    }

    /** cel.bind() is a comprehension over an empty list whose loop never runs. */
    private static boolean isBind(CelExpr e) {
        CelComprehension c = e.comprehension();
        CelExpr condition = c.loopCondition();
        return c.iterRange().getKind() == CelExpr.ExprKind.Kind.LIST && c.iterRange().list().elements().isEmpty()
            && condition.getKind() == CelExpr.ExprKind.Kind.CONSTANT
            && condition.constant().getKind() == CelConstant.Kind.BOOLEAN_VALUE && !condition.constant().booleanValue()
            && !c.accuVar().equals("__result__");
    }

    private Estimate costBind(CelExpr e) {
        CelComprehension c = e.comprehension();
        Estimate sum = cost(c.iterRange()).add(cost(c.accuInit()));
        state.pushLocalVar(c.accuVar(), c.accuInit());
        sum = sum.add(cost(c.result()));
        state.pop(c.accuVar());
        state.setSize(e, state.computeSize(c.result()));
        state.setEntrySize(e, state.entrySize(c.result()));
        return sum;
    }
}
