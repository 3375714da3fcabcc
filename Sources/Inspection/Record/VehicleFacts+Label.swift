import Common

extension VehicleFacts.Field {
    /// The fact's name (the one home of these labels, for the report, the fact sheet and the handover): 出厂日期 / Built, 过户次数 / Ownership transfers, ...
    package var label: LocalizedText {
        switch self {
        case .plate: .init(zh: "车牌", en: "Plate")
        case .make: .init(zh: "品牌", en: "Make")
        case .model: .init(zh: "车型", en: "Model")
        case .trim: .init(zh: "配置版本", en: "Trim")
        case .color: .init(zh: "颜色", en: "Colour")
        case .manufactured: .init(zh: "出厂日期", en: "Built")
        case .firstRegistered: .init(zh: "初次登记", en: "First registered")
        case .use: .init(zh: "使用性质", en: "Use")
        case .registrationCount: .init(zh: "过户次数", en: "Ownership transfers")
        case .estimatedKm: .init(zh: "推定里程", en: "Estimated mileage")
        case .equipment: .init(zh: "主要配置", en: "Equipment")
        case .drivingLicence: .init(zh: "行驶证", en: "Vehicle licence")
        case .registrationCertificate: .init(zh: "登记证书", en: "Registration certificate")
        case .compulsoryInsurance: .init(zh: "交强险", en: "Compulsory insurance")
        case .annualInspection: .init(zh: "年检", en: "Roadworthiness test")
        case .purchaseInvoice: .init(zh: "购车发票", en: "Purchase invoice")
        case .keys: .init(zh: "钥匙", en: "Keys")
        }
    }
}
