/// Evaluates arithmetic over values: whole numbers with overflow and division by
/// zero reported as errors. A text where a number is needed makes the expression
/// have no value (the binding is dropped), since relations may mix texts and numbers.
struct Arithmetic {
    let constants: ConstantTable
    /// The rule, for error messages.
    let range: SourceRange

    func evaluate(_ expression: CompiledExpression, _ registers: UnsafeMutablePointer<UInt32>) throws -> Value? {
        switch expression {
        case .operand(let operand):
            return Value(raw: operand.register < 0 ? operand.constant : registers[Int(operand.register)])
        case .negate(let inner):
            guard let v = try evaluate(inner, registers), let n = constants.integerValue(v) else { return nil }
            guard n != Int64.min else { throw EvaluationError.arithmetic("integer overflow in -(\(n))", range: range) }
            return constants.integer(-n)
        case .binary(let op, let a, let b):
            guard let x = try evaluate(a, registers), let p = constants.integerValue(x),
                  let y = try evaluate(b, registers), let q = constants.integerValue(y) else { return nil }
            let result: Int64
            let overflow: Bool
            switch op {
            case .add: (result, overflow) = p.addingReportingOverflow(q)
            case .subtract: (result, overflow) = p.subtractingReportingOverflow(q)
            case .multiply: (result, overflow) = p.multipliedReportingOverflow(by: q)
            case .divide, .remainder:
                guard q != 0 else { throw EvaluationError.arithmetic("division by zero: \(p) \(op.rawValue) 0", range: range) }
                (result, overflow) = op == .divide ? p.dividedReportingOverflow(by: q) : p.remainderReportingOverflow(dividingBy: q)
            }
            if overflow { throw EvaluationError.arithmetic("integer overflow in \(p) \(op.rawValue) \(q)", range: range) }
            return constants.integer(result)
        }
    }
}
