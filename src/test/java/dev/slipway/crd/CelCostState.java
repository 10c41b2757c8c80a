package dev.slipway.crd;

import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What cel-go's coster remembers while it walks an expression: the path of each value from the variable it comes
 * from (self.spec.config.@keys …), the sizes found so far, the entry sizes of lists and maps, and the local
 * variables of comprehensions. Sizes it does not know come from the schema, by path ({@link SizeEstimator}).
 */
final class CelCostState {
    /** Sizes of values the expression reads, by path; null when unknown. */
    interface SizeEstimator {
        Estimate size(List<String> path);
    }

    /** An argument or target of a call, as cel-go's AstNode. */
    record Node(List<String> path, CelType type, CelExpr expr, Estimate computedSize) {
        Estimate sizeOrUnknown() {
            return computedSize != null ? computedSize : Estimate.UNKNOWN;
        }
    }

    /** The key (or index) and value sizes of a list or map. */
    record EntrySize(CelKind container, Estimate key, Estimate value) {
        EntrySize union(EntrySize other) {
            return other == null ? null : new EntrySize(container, key.union(other.key), value.union(other.value));
        }
    }

    private record LocalVar(List<String> path, Estimate size, EntrySize entrySize) {
    }

    private static final Set<String> ACCUMULATORS = Set.of("__result__", "@result");

    private final CelAbstractSyntaxTree ast;
    private final SizeEstimator sizes;
    private final Map<Long, List<String>> paths = new HashMap<>();
    private final Map<String, Deque<LocalVar>> localVars = new HashMap<>();
    private final Map<Long, Estimate> computedSizes = new HashMap<>();
    private final Map<Long, EntrySize> computedEntrySizes = new HashMap<>();

    CelCostState(CelAbstractSyntaxTree ast, SizeEstimator sizes) {
        this.ast = ast;
        this.sizes = sizes;
    }

    CelType type(CelExpr e) {
        return ast.getType(e.id()).orElse(SimpleType.DYN);
    }

    List<String> overloads(CelExpr e) {
        return ast.getReference(e.id()).<List<String>>map(r -> r.overloadIds()).orElse(List.of());
    }

    void setPath(CelExpr e, List<String> path) {
        paths.put(e.id(), path);
    }

    /** A local variable's path, else the path recorded for the expression. */
    List<String> path(CelExpr e) {
        LocalVar local = e.getKind() == CelExpr.ExprKind.Kind.IDENT ? peek(e.ident().name()) : null;
        return local != null ? local.path : paths.getOrDefault(e.id(), List.of());
    }

    static List<String> append(List<String> path, String element) {
        List<String> longer = new ArrayList<>(path);
        longer.add(element);
        return List.copyOf(longer);
    }

    /** cel-go's newAstNode: no path for accumulators, which are not part of the input. */
    Node node(CelExpr e) {
        List<String> path = path(e);
        boolean accumulator = !path.isEmpty() && ACCUMULATORS.contains(path.get(0));
        return new Node(accumulator ? List.of() : path, type(e), e, computeSize(e));
    }

    Estimate sizeOrUnknown(CelExpr e) {
        Estimate size = computeSize(e);
        return size != null ? size : Estimate.UNKNOWN;
    }

    /** cel-go's computeSize: known already, a literal's size, the schema's estimate, 1 for scalars, a variable's. */
    Estimate computeSize(CelExpr e) {
        Estimate size = computedSizes.get(e.id());
        if (size == null) {
            size = CelLiterals.size(e);
        }
        if (size == null) {
            size = sizes.size(path(e));
            setSize(e, size);
        }
        if (size == null && CelLiterals.isScalar(type(e))) {
            size = Estimate.fixed(1);
        }
        if (size == null && e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            LocalVar local = peek(e.ident().name());
            size = local == null ? null : local.size;
        }
        return size;
    }

    void setSize(CelExpr e, Estimate size) {
        if (size != null) {
            computedSizes.put(e.id(), size);
        }
    }

    void setEntrySize(CelExpr e, EntrySize size) {
        if (size != null) {
            computedEntrySizes.put(e.id(), size);
        }
    }

    EntrySize entrySize(CelExpr e) {
        EntrySize computed = computedEntrySizes.get(e.id());
        if (computed == null && e.getKind() == CelExpr.ExprKind.Kind.IDENT) {
            LocalVar local = peek(e.ident().name());
            return local == null ? null : local.entrySize;
        }
        return computed;
    }

    /** A variable bound to an expression (an accumulator, cel.bind): its path, size and entry size. */
    void pushLocalVar(String name, CelExpr e) {
        push(name, path(e), computeSize(e), entrySize(e));
    }

    void push(String name, List<String> path, Estimate size, EntrySize entrySize) {
        localVars.computeIfAbsent(name, n -> new ArrayDeque<>()).push(new LocalVar(path, size, entrySize));
    }

    void pop(String name) {
        localVars.get(name).pop();
    }

    boolean isLocal(String name) {
        return peek(name) != null;
    }

    private LocalVar peek(String name) {
        Deque<LocalVar> stack = localVars.get(name);
        return stack == null || stack.isEmpty() ? null : stack.peek();
    }
}
