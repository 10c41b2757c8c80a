package dev.slipway.crd;

import dev.cel.common.ast.CelExpr;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;

/** Sizes CEL knows without the schema (cel-go's computeExprSize and isScalar). */
final class CelLiterals {
    private CelLiterals() {
    }

    /** A literal's size: characters of a string, bytes of bytes, 1 for other constants, entries of a list or map. */
    static Estimate size(CelExpr e) {
        return switch (e.getKind()) {
            case CONSTANT -> switch (e.constant().getKind()) {
                case STRING_VALUE -> Estimate.fixed(e.constant().stringValue().codePointCount(0, e.constant().stringValue().length()));
                case BYTES_VALUE -> Estimate.fixed(e.constant().bytesValue().size());
                case BOOLEAN_VALUE, DOUBLE_VALUE, DURATION_VALUE, INT64_VALUE, TIMESTAMP_VALUE, UINT64_VALUE, NULL_VALUE ->
                    Estimate.fixed(1);
                default -> null;
            };
            case LIST -> Estimate.fixed(e.list().elements().size());
            case MAP -> Estimate.fixed(e.map().entries().size());
            default -> null;
        };
    }

    /** Types of a fixed size; strings, bytes, lists and maps vary. */
    static boolean isScalar(CelType type) {
        CelKind kind = type.kind();
        return kind == CelKind.BOOL || kind == CelKind.DOUBLE || kind == CelKind.DURATION || kind == CelKind.INT
            || kind == CelKind.TIMESTAMP || kind == CelKind.UINT;
    }
}
