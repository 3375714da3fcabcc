/// The papers and keys that come with the car (GB/T 30323 worksheet: 证件与手续). Every field is optional: nil means
/// "not recorded", which is not the same as "missing".
package struct VehicleDocuments: Sendable, Hashable, Codable {
    /// 行驶证: the vehicle licence is present.
    package var drivingLicence: Bool?
    /// 登记证书: the registration certificate is present.
    package var registrationCertificate: Bool?
    /// 交强险: compulsory third-party insurance, with its expiry date.
    package var compulsoryInsurance: Expiring?
    /// 年检: the periodic technical inspection, with the date it is valid until.
    package var annualInspection: Expiring?
    /// 购车发票: the purchase invoice is present.
    package var purchaseInvoice: Bool?
    /// Number of keys handed over.
    package var keys: Int?

    /// A document that runs out: present until `expires`, or recorded as missing.
    package enum Expiring: Sendable, Hashable, Codable {
        /// Present, valid until this date (inclusive).
        case validUntil(CalendarDate)
        /// Not presented.
        case missing

        /// The expiry date, when present.
        package var expires: CalendarDate? {
            if case let .validUntil(date) = self { return date }
            return nil
        }
    }

    /// Creates a record of the documents.
    package init(
        drivingLicence: Bool? = nil, registrationCertificate: Bool? = nil, compulsoryInsurance: Expiring? = nil,
        annualInspection: Expiring? = nil, purchaseInvoice: Bool? = nil, keys: Int? = nil
    ) {
        self.drivingLicence = drivingLicence
        self.registrationCertificate = registrationCertificate
        self.compulsoryInsurance = compulsoryInsurance
        self.annualInspection = annualInspection
        self.purchaseInvoice = purchaseInvoice
        self.keys = keys
    }

    /// The keys of the `documents:` mapping of a submission, in the order a worksheet lists them.
    package static let fieldNames = [
        "driving_licence", "registration_certificate", "compulsory_insurance", "annual_inspection", "purchase_invoice", "keys",
    ]
}
