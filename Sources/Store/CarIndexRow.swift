/// One car's row of the lookup index (`inspect find`). The application layer builds it from the car's record; the store
/// keeps it and answers lookups by VIN, VIN tail, plate and text.
package struct CarIndexRow: Sendable, Hashable {
    /// The VIN.
    package var vin: String
    /// The plate normalised for lookup (upper case, no spaces or separators), when known.
    package var plateKey: String?
    /// When the car was last inspected (epoch seconds): newest first in lists.
    package var latestEpoch: Int64
    /// What a result line shows, as the application layer encoded it (JSON).
    package var summary: String
    /// The words a text query matches (make, model, trim, equipment names, ...), already tokenised.
    package var searchText: String

    /// Creates a row.
    package init(vin: String, plateKey: String?, latestEpoch: Int64, summary: String, searchText: String) {
        self.vin = vin
        self.plateKey = plateKey
        self.latestEpoch = latestEpoch
        self.summary = summary
        self.searchText = searchText
    }
}
