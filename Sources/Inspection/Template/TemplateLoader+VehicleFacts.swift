import Common

extension TemplateLoader.Reader {
    /// `vehicle_facts: {uses: {private: {zh: 非营运, en: Private}, ...}, equipment: {panoramic_sunroof: {...}, ...}}`:
    /// the vocabularies a submission's `vehicle.use` and `vehicle.equipment` pick from. Ids are snake_case, each once; a
    /// use marked `disclose: true` must be acknowledged by the buyer at the handover.
    mutating func vehicleFacts(_ value: YAMLValue) -> (uses: [ChecklistTemplate.Term], equipment: [ChecklistTemplate.Term]) {
        guard let pairs = log.mapping(value, item: "vehicle_facts") else { return ([], []) }
        log.rejectUnknownKeys(pairs, allowed: ["uses", "equipment"], item: "vehicle_facts")
        var uses: [ChecklistTemplate.Term] = []
        var equipment: [ChecklistTemplate.Term] = []
        if let list = pairs.first(where: { $0.key == "uses" })?.value { uses = terms(list, item: "vehicle_facts.uses") }
        if let list = pairs.first(where: { $0.key == "equipment" })?.value { equipment = terms(list, item: "vehicle_facts.equipment") }
        return (uses, equipment)
    }

    private mutating func terms(_ value: YAMLValue, item: String) -> [ChecklistTemplate.Term] {
        guard let entries = log.mapping(value, item: item) else { return [] }
        var terms: [ChecklistTemplate.Term] = []
        for entry in entries {
            let termItem = "\(item) \"\(entry.key)\""
            if entry.key.isEmpty || !entry.key.allSatisfy({ $0.isASCII && ($0.isLowercase || $0.isASCIIDigit || $0 == "_") }) {
                log.error("ids use a-z, 0-9 and _ only", at: entry.keyAt, item: termItem)
            }
            if terms.contains(where: { $0.id == entry.key }) { log.error("listed twice", at: entry.keyAt, item: termItem) }
            guard let label = label(entry.value, item: termItem, extra: ["disclose"]) else { continue }
            let disclose = entry.value["disclose"].flatMap { log.choice($0, allowed: ["true", "false"], item: termItem, field: "disclose") }
            terms.append(.init(id: entry.key, label: label, disclose: disclose == "true"))
        }
        if terms.isEmpty { log.error("empty vocabulary", at: value.location, item: item) }
        return terms
    }
}
