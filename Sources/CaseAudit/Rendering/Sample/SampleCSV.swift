/// The drawn sample as CSV: `case`, `stratum`, `status` (sample or reserve) and `draw` (the order
/// drawn within its status), then the caseload's other columns as they were given; the sample
/// first, then the reserves, each in draw order.
public enum SampleCSV {
    public static func render(_ result: SampleResult) -> String {
        let caseload = result.caseload
        let others = caseload.columns.indices.filter { $0 != caseload.idColumn }
        var out = CSVWriter.row(["case", "stratum", "status", "draw"] + others.map { caseload.columns[$0].name })
        for pick in result.picks {
            let row = caseload.rows[pick.row]
            out += CSVWriter.row([row.id, result.strata[pick.stratum].name, pick.status.rawValue, String(pick.draw)]
                                 + others.map { row.cells[$0] })
        }
        return out
    }
}
