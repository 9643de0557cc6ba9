import Foundation
import Storage

extension ZoneDefinition {
    static let weekdays = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]

    /// Whether `slug` may name a zone (and its file): lower-case letters, digits, single inner hyphens.
    package static func isValidSlug(_ slug: String) -> Bool {
        slug.range(of: #"^[a-z0-9]+(-[a-z0-9]+)*$"#, options: .regularExpression) != nil && slug.count <= 60
            && !reservedSlugs.contains(slug)
    }

    /// Names taken by fixed pages under `/zones/`.
    package static let reservedSlugs: Set<String> = ["search"]

    /// Parses one zone file and checks every field, reporting all problems at once rather than the first.
    package static func parse(_ data: Data, file: String) throws(ZoneCatalogError) -> ZoneDefinition {
        var checker = ZoneFileChecker(file: file)
        let definition = checker.check(data)
        guard let definition, checker.problems.isEmpty else { throw .invalid(checker.problems) }
        return definition
    }
}

/// Walks a decoded zone file, collecting `field: message` problems.
private struct ZoneFileChecker {
    let file: String
    var problems: [ZoneFileProblem] = []

    init(file: String) { self.file = file }

    mutating func fail(_ field: String, _ message: String) {
        problems.append(ZoneFileProblem(file: file, field: field, message: message))
    }

    mutating func check(_ data: Data) -> ZoneDefinition? {
        guard String(data: data, encoding: .utf8) != nil else {
            fail("-", "not valid UTF-8")
            return nil
        }
        let json: Any
        do {
            json = try JSONSerialization.jsonObject(with: data)
        } catch {
            fail("-", "not valid JSON (\(Self.describe(error)))")
            return nil
        }
        let keys = ["name", "description", "departements", "timeZone", "locale", "communes", "moderation", "digest"]
        guard let root = object(json, "-", keys: keys) else { return nil }
        let name = string(root["name"], "name", max: 80)
        let description = string(root["description"], "description", max: 500)
        let departements = departementCodes(root["departements"])
        let timeZone = string(root["timeZone"], "timeZone", max: 64)
        if let timeZone, TimeZone(identifier: timeZone) == nil { fail("timeZone", "unknown time zone '\(timeZone)'") }
        let locale = string(root["locale"], "locale", max: 10)
        if let locale, !["fr", "en"].contains(locale) { fail("locale", "must be \"fr\" or \"en\"") }
        let communes = communeList(root["communes"], departements: departements ?? [])
        let moderation = moderationSettings(root["moderation"])
        let digest = digestSettings(root["digest"])
        guard let name, let description, let departements, let timeZone, let locale, let communes, let moderation,
            let digest
        else { return nil }
        return ZoneDefinition(
            name: name, description: description, departements: departements, timeZone: timeZone, locale: locale,
            communes: communes, moderation: moderation, digest: digest)
    }

    mutating func departementCodes(_ value: Any?) -> [String]? {
        guard let items = array(value, "departements", minCount: 1) else { return nil }
        var codes: [String] = []
        for (index, item) in items.enumerated() {
            let field = "departements[\(index)]"
            guard let code = string(item, field, max: 3) else { continue }
            if code.range(of: #"^([0-9]{2}|2A|2B|97[1-6])$"#, options: .regularExpression) == nil {
                fail(field, "'\(code)' is not a département code (two digits, 2A, 2B or 971-976)")
            } else {
                codes.append(code)
            }
        }
        return codes.count == items.count ? codes : nil
    }

    mutating func communeList(_ value: Any?, departements: [String]) -> [ZoneDefinition.Commune]? {
        guard let items = array(value, "communes", minCount: 1) else { return nil }
        var communes: [ZoneDefinition.Commune] = []
        var seen: [String: Int] = [:]
        for (index, item) in items.enumerated() {
            let field = "communes[\(index)]"
            guard let entry = object(item, field, keys: ["name", "postcodes"]) else { continue }
            let name = string(entry["name"], "\(field).name", max: 80)
            if let name {
                if let first = seen[name.folded] {
                    fail("\(field).name", "'\(name)' is listed twice (also communes[\(first)])")
                } else {
                    seen[name.folded] = index
                }
            }
            let postcodes = postcodeList(entry["postcodes"], "\(field).postcodes", departements: departements)
            if let name, let postcodes { communes.append(.init(name: name, postcodes: postcodes)) }
        }
        return communes.count == items.count ? communes : nil
    }

    mutating func postcodeList(_ value: Any?, _ field: String, departements: [String]) -> [String]? {
        guard let items = array(value, field, minCount: 1) else { return nil }
        var postcodes: [String] = []
        for (index, item) in items.enumerated() {
            let itemField = "\(field)[\(index)]"
            guard let postcode = string(item, itemField, max: 5) else { continue }
            if postcode.range(of: #"^[0-9]{5}$"#, options: .regularExpression) == nil {
                fail(itemField, "'\(postcode)' is not a five-digit postcode")
            } else if !departements.isEmpty && !departements.contains(where: { Self.postcode(postcode, isIn: $0) }) {
                fail(
                    itemField,
                    "'\(postcode)' is outside the zone's départements \(departements.joined(separator: ", "))")
            } else {
                postcodes.append(postcode)
            }
        }
        return postcodes.count == items.count ? postcodes : nil
    }

    static func postcode(_ postcode: String, isIn departement: String) -> Bool {
        switch departement {
        case "2A", "2B": postcode.hasPrefix("20")
        default: postcode.hasPrefix(departement)
        }
    }

    mutating func moderationSettings(_ value: Any?) -> ZoneDefinition.Moderation? {
        let optional = ["holdFirstPosts", "trustAfterApproved", "maxLinksPerPost", "weeklyQuota"]
        guard
            let entry = object(
                value, "moderation", keys: ["policy", "queueWarnHours", "queueEscalateHours"],
                optional: optional + ["merchantSignUps"])
        else { return nil }
        let limits: [String: ClosedRange<Int>] = [
            "holdFirstPosts": 0...50, "trustAfterApproved": 1...100, "maxLinksPerPost": 0...50, "weeklyQuota": 1...500,
        ]
        var rules: [String: Int] = [:]
        let signUps: ZoneDefinition.SignUpPolicy? =
            entry["merchantSignUps"] == nil ? nil : choice(entry["merchantSignUps"], "moderation.merchantSignUps")
        for key in optional where entry[key] != nil {
            guard let value = integer(entry[key], "moderation.\(key)", in: limits[key] ?? 0...0) else { return nil }
            rules[key] = value
        }
        let policy: ZoneDefinition.ModerationPolicy? = choice(entry["policy"], "moderation.policy")
        let warn = integer(entry["queueWarnHours"], "moderation.queueWarnHours", in: 1...720)
        let escalate = integer(entry["queueEscalateHours"], "moderation.queueEscalateHours", in: 1...2160)
        if let warn, let escalate, escalate <= warn {
            fail("moderation.queueEscalateHours", "must be greater than queueWarnHours (\(warn))")
            return nil
        }
        guard let policy, let warn, let escalate else { return nil }
        return .init(
            policy: policy, queueWarnHours: warn, queueEscalateHours: escalate, holdFirstPosts: rules["holdFirstPosts"],
            trustAfterApproved: rules["trustAfterApproved"], maxLinksPerPost: rules["maxLinksPerPost"],
            weeklyQuota: rules["weeklyQuota"], merchantSignUps: signUps)
    }

    /// One of a closed list of names, or nil with the list of allowed ones reported.
    mutating func choice<Choice: RawRepresentable & CaseIterable>(_ value: Any?, _ field: String) -> Choice?
    where Choice.RawValue == String {
        guard let name = string(value, field, max: 20) else { return nil }
        guard let chosen = Choice(rawValue: name) else {
            let allowed = Choice.allCases.map { "\"\($0.rawValue)\"" }
            fail(field, "'\(name)' is not one of \(allowed.joined(separator: ", "))")
            return nil
        }
        return chosen
    }

    mutating func digestSettings(_ value: Any?) -> ZoneDefinition.Digest? {
        guard let entry = object(value, "digest", keys: ["sendTime", "weeklyDay"]) else { return nil }
        let sendTime = string(entry["sendTime"], "digest.sendTime", max: 5)
        if let sendTime, sendTime.range(of: #"^([01][0-9]|2[0-3]):[0-5][0-9]$"#, options: .regularExpression) == nil {
            fail("digest.sendTime", "'\(sendTime)' is not a time HH:MM (00:00 to 23:59)")
            return nil
        }
        let weeklyDay = string(entry["weeklyDay"], "digest.weeklyDay", max: 10)
        if let weeklyDay, !ZoneDefinition.weekdays.contains(weeklyDay) {
            fail("digest.weeklyDay", "'\(weeklyDay)' is not one of \(ZoneDefinition.weekdays.joined(separator: ", "))")
            return nil
        }
        guard let sendTime, let weeklyDay else { return nil }
        return .init(sendTime: sendTime, weeklyDay: weeklyDay)
    }

    // MARK: - Typed reads

    mutating func object(_ value: Any?, _ field: String, keys: [String], optional: [String] = []) -> [String: Any]? {
        guard let value else {
            fail(field, "is missing")
            return nil
        }
        guard let dictionary = value as? [String: Any] else {
            fail(field, "must be an object")
            return nil
        }
        let known = keys + optional
        for key in dictionary.keys.sorted() where !known.contains(key) {
            let suggestion = known.first { $0.lowercased() == key.lowercased() || Self.isTypo(key, of: $0) }
            fail(Self.join(field, key), "unknown field" + (suggestion.map { " (did you mean '\($0)'?)" } ?? ""))
        }
        for key in keys where dictionary[key] == nil {
            fail(Self.join(field, key), "is missing")
        }
        return dictionary
    }

    mutating func array(_ value: Any?, _ field: String, minCount: Int) -> [Any]? {
        guard let value else { return nil }
        guard let items = value as? [Any] else {
            fail(field, "must be a list")
            return nil
        }
        if items.count < minCount {
            fail(field, "must list at least \(minCount)")
            return nil
        }
        return items
    }

    mutating func string(_ value: Any?, _ field: String, max: Int) -> String? {
        guard let value else { return nil }
        guard let text = value as? String, !(value is NSNumber) else {
            fail(field, "must be a string")
            return nil
        }
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.isEmpty {
            fail(field, "must not be empty")
            return nil
        }
        if trimmed.count > max {
            fail(field, "must be at most \(max) characters")
            return nil
        }
        return trimmed
    }

    mutating func integer(_ value: Any?, _ field: String, in range: ClosedRange<Int>) -> Int? {
        guard let value else { return nil }
        guard let number = value as? NSNumber, !(value is String), let int = Int(exactly: number.doubleValue) else {
            fail(field, "must be a whole number")
            return nil
        }
        guard range.contains(int) else {
            fail(field, "must be between \(range.lowerBound) and \(range.upperBound)")
            return nil
        }
        return int
    }

    static func join(_ parent: String, _ key: String) -> String { parent == "-" ? key : "\(parent).\(key)" }

    /// One edit apart: a likely typo of a known key.
    static func isTypo(_ candidate: String, of key: String) -> Bool {
        let a = Array(candidate.lowercased())
        let b = Array(key.lowercased())
        guard abs(a.count - b.count) <= 1 else { return false }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count] <= 2
    }

    static func describe(_ error: any Error) -> String {
        let text = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String
        return text ?? "syntax error"
    }
}
