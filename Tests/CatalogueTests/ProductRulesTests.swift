import Catalogue
import Community
import HubTestSupport
import Testing

/// Pure rules: prices as people type them, units, availabilities and days.
@Suite struct ProductRulesTests {
    @Test func pricesAreReadAsCents() throws {
        #expect(try ProductRules.cents("12,50") == 1250)
        #expect(try ProductRules.cents("12.5") == 1250)
        #expect(try ProductRules.cents("12 €") == 1200)
        #expect(try ProductRules.cents("1 200,00 €") == 120_000)
        #expect(try ProductRules.cents("0") == 0)
        for bad in ["-3", "+3", "12,505", "douze", "", "1e3", "100000,01", "12,", "٣"] {
            #expect(errorCode { _ = try ProductRules.cents(bad) } == "invalid_price", "\(bad)")
        }
    }

    @Test func pricesAreWrittenInFrenchCells() {
        #expect(ProductRules.priceCell(1250) == "12,50")
        #expect(ProductRules.priceCell(5) == "0,05")
    }

    @Test func unitsAreReadFromTheirCodesWordsAndShortForms() throws {
        #expect(try ProductUnit.parse("kg") == .kilogram)
        #expect(try ProductUnit.parse("Le kg") == .kilogram)
        #expect(try ProductUnit.parse("la pièce") == .piece)
        #expect(try ProductUnit.parse("piece") == .piece)
        #expect(try ProductUnit.parse("100 g") == .hundredGrams)
        #expect(try ProductUnit.parse("hundred-grams") == .hundredGrams)
        #expect(try ProductUnit.parse("Bouteille") == .bottle)
        #expect(errorCode { _ = try ProductUnit.parse("gallon") } == "invalid_unit")
        for unit in ProductUnit.allCases { #expect(try ProductUnit.parse(unit.word) == unit) }
    }

    @Test func daysAreRealDays() {
        #expect(SeasonDay("2026-12-01")?.description == "2026-12-01")
        #expect(SeasonDay("01/12/2026")?.description == "2026-12-01")
        #expect(SeasonDay("2028-02-29") != nil)
        for bad in ["2026-02-29", "2026-13-01", "2026-12-32", "12/2026", "demain", "1999-01-01"] {
            #expect(SeasonDay(bad) == nil, "\(bad)")
        }
        #expect(SeasonDay("2026-12-01")!.days(to: SeasonDay("2026-12-24")!) == 23)
        #expect(SeasonDay("2026-12-31")!.days(to: SeasonDay("2027-03-01")!) == 60)
    }

    @Test func availabilitiesAreReadInFrenchOrEnglish() throws {
        #expect(try ProductRules.availability("Sur commande", from: "", until: "") == .toOrder)
        #expect(try ProductRules.availability("", from: "", until: "") == .inStock)
        #expect(
            try ProductRules.availability("seasonal", from: "2026-12-01", until: "24/12/2026")
                == .seasonal(from: SeasonDay("2026-12-01")!, until: SeasonDay("2026-12-24")!))
        #expect(
            errorCode { _ = try ProductRules.availability("de saison", from: "", until: "") } == "invalid_season_from")
        #expect(
            errorCode { _ = try ProductRules.availability("bientôt", from: "", until: "") } == "invalid_availability")
    }
}
