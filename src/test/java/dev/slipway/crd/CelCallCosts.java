package dev.slipway.crd;

import dev.cel.common.ast.CelExpr;
import java.util.List;

/**
 * The cost of one function call, by overload: a port of cel-go's coster.functionCost. Kubernetes' own cost
 * estimator (k8s.io/apiserver pkg/cel/library/cost.go) is asked first, but it only prices Kubernetes' library
 * functions and equality of its types, none of which the standard CEL environment here has; so cel-go's rules
 * decide. Traversing a string costs 0.1 per character, a regex 0.25 per character of the pattern; any function
 * not named here costs 1 plus its arguments.
 */
final class CelCallCosts {
    /** A call's cost and, for strings, lists and maps, the size of its result. */
    record Call(Estimate cost, Estimate resultSize) {
    }

    private static final double STRING_TRAVERSAL_COST_FACTOR = 0.1;
    private static final double REGEX_STRING_LENGTH_COST_FACTOR = 0.25;

    private final CelCostState state;

    CelCallCosts(CelCostState state) {
        this.state = state;
    }

    Call cost(CelExpr e, String overload, CelCostState.Node target, List<CelCostState.Node> args, List<Estimate> argCosts) {
        Estimate argCostSum = argCosts.stream().reduce(Estimate.ZERO, Estimate::add);
        switch (overload) {
            case "string_format" -> {
                if (target != null) {
                    return new Call(traversal(target.sizeOrUnknown()).add(argCostSum), null);
                }
            }
            case "string_to_bytes", "bytes_to_string", "strings_quote" -> {
                if (args.size() == 1) {
                    Estimate size = args.get(0).sizeOrUnknown();
                    Estimate result = switch (overload) {
                        case "string_to_bytes" -> new Estimate(size.min(), size.multiply(Estimate.fixed(4)).max());
                        case "bytes_to_string" -> new Estimate(size.min() / 4, size.max());
                        default -> new Estimate(size.min() + 2, size.multiply(Estimate.fixed(2)).add(Estimate.fixed(2)).max());
                    };
                    return new Call(traversal(size).add(argCostSum), result);
                }
            }
            case "starts_with_string", "ends_with_string" -> {
                if (args.size() == 1) {
                    return new Call(traversal(args.get(0).sizeOrUnknown()).add(argCostSum), null);
                }
            }
            case "in_list" -> {
                if (args.size() == 2) {
                    return new Call(args.get(1).sizeOrUnknown().multiplyByCostFactor(1).add(argCostSum), null);
                }
            }
            case "matches_string" -> {
                if (target != null && args.size() == 1) {
                    // One more than the string's length, so that an expensive regex on an empty string is not free.
                    Estimate stringCost = traversal(target.sizeOrUnknown().add(Estimate.fixed(1)));
                    Estimate regexCost = args.get(0).sizeOrUnknown().multiplyByCostFactor(REGEX_STRING_LENGTH_COST_FACTOR);
                    return new Call(stringCost.multiply(regexCost).add(argCostSum), null);
                }
            }
            case "contains_string" -> {
                if (target != null && args.size() == 1) {
                    return new Call(traversal(target.sizeOrUnknown()).multiply(traversal(args.get(0).sizeOrUnknown())).add(argCostSum), null);
                }
            }
            case "logical_or", "logical_and" -> {
                // Short-circuit: at least the left side, at most both.
                Estimate lhs = argCosts.get(0);
                return new Call(new Estimate(lhs.min(), lhs.add(argCosts.get(1)).max()), null);
            }
            case "conditional" -> {
                Estimate size = args.get(1).sizeOrUnknown().union(args.get(2).sizeOrUnknown());
                CelCostState.EntrySize whenTrue = state.entrySize(args.get(1).expr());
                state.setEntrySize(e, whenTrue == null ? null : whenTrue.union(state.entrySize(args.get(2).expr())));
                return new Call(argCosts.get(0).add(argCosts.get(1).union(argCosts.get(2))), size);
            }
            case "add_string", "add_bytes", "add_list" -> {
                if (args.size() == 2) {
                    return concatenation(e, overload, args, argCostSum);
                }
            }
            case "less_string", "greater_string", "less_equals_string", "greater_equals_string",
                 "less_bytes", "greater_bytes", "less_equals_bytes", "greater_equals_bytes", "equals", "not_equals" -> {
                // Comparing stops at the end of the shorter operand; two values of no size cost nothing.
                long smallestMax = Math.min(args.get(0).sizeOrUnknown().max(), args.get(1).sizeOrUnknown().max());
                return new Call(traversal(new Estimate(smallestMax > 0 ? 1 : 0, smallestMax)).add(argCostSum), null);
            }
            default -> {
            }
        }
        return new Call(Estimate.fixed(1).add(argCostSum), null);
    }

    private Call concatenation(CelExpr e, String overload, List<CelCostState.Node> args, Estimate argCostSum) {
        Estimate resultSize = args.get(0).sizeOrUnknown().add(args.get(1).sizeOrUnknown());
        CelCostState.EntrySize left = state.entrySize(args.get(0).expr());
        state.setEntrySize(e, left == null ? null : left.union(state.entrySize(args.get(1).expr())));
        Estimate cost = overload.equals("add_list") ? Estimate.fixed(1) : traversal(resultSize);
        return new Call(cost.add(argCostSum), resultSize);
    }

    private static Estimate traversal(Estimate size) {
        return size.multiplyByCostFactor(STRING_TRAVERSAL_COST_FACTOR);
    }
}
