import Catalogue
import Community
import Foundation
import HubTestSupport
import Storage
import Testing

/// The catalogue's rules through its service, on a real database: bad prices, dates and texts are refused by field
/// and leave the catalogue as it was; a merchant cannot touch another's products.
@Suite struct CatalogueServiceTests {
    let hub: TestHub
    let service: CatalogueService
    let owner: User
    let shop: Merchant

    init() async throws {
        hub = try await TestHub.contract()
        try await hub.seedZones()
        service = CatalogueService(
            products: SQLCatalogueStore(database: hub.hubDatabase.sql), merchants: hub.merchantStore,
            clock: hub.clock)
        owner = try await hub.user("fromagerie@example.org", role: .merchant)
        shop = try await hub.merchant("Fromagerie Dupont", owner: owner)
    }

    func details(
        name: String = "Comté", price: Int = 2890, availability: ProductAvailability = .inStock,
        description: String = "", category: String = ""
    ) -> ProductDetails {
        ProductDetails(
            name: name, description: description, priceCents: price, unit: .kilogram, availability: availability,
            category: category)
    }

    @Test func badProductsAreRefusedByFieldAndNothingIsWritten() async throws {
        let day = { (text: String) in SeasonDay(text)! }
        let cases: [(ProductDetails, String)] = [
            (details(price: -1), "invalid_price"),
            (details(price: 10_000_001), "invalid_price"),
            (details(name: "   "), "invalid_name"),
            (details(name: String(repeating: "a", count: 121)), "invalid_name"),
            (details(description: String(repeating: "a", count: 2001)), "invalid_description"),
            (details(category: String(repeating: "a", count: 61)), "invalid_category"),
            (details(name: "Pain\u{1B}[31m"), "invalid_name"),
            (
                details(availability: .seasonal(from: day("2026-12-24"), until: day("2026-12-01"))),
                "invalid_season_until"
            ),
            (
                details(availability: .seasonal(from: day("2026-01-01"), until: day("2027-06-01"))),
                "invalid_season_until"
            ),
        ]
        for (input, code) in cases {
            #expect(await errorCode { _ = try await service.add(input, merchantSlug: shop.slug, by: owner) } == code)
        }
        #expect(try await service.products(of: shop).isEmpty)
    }

    @Test func aProductIsTrimmedAndListed() async throws {
        let added = try await service.add(
            details(name: "  Comté  ", description: " Affiné.\r\nEn cave. ", category: " Fromages "),
            merchantSlug: shop.slug, by: owner)
        #expect(added.details.name == "Comté")
        #expect(added.details.description == "Affiné.\nEn cave.")
        #expect(added.details.category == "Fromages")
        #expect(try await service.listed(merchantSlug: shop.slug).products == [added])
    }

    @Test func anotherMerchantCanNeitherAddNorChangeNorRemove() async throws {
        let product = try await service.add(details(), merchantSlug: shop.slug, by: owner)
        let rival = try await hub.user("rival@example.org", role: .merchant)
        let rivalShop = try await hub.merchant("Fromagerie Martin", owner: rival)
        #expect(
            await errorCode { _ = try await service.add(details(), merchantSlug: shop.slug, by: rival) } == "forbidden")
        #expect(
            await errorCode {
                _ = try await service.update(product.id, with: details(price: 1), merchantSlug: shop.slug, by: rival)
            }
                == "forbidden")
        // Through its own shop, the other merchant's product is simply not there.
        #expect(
            await errorCode {
                _ = try await service.update(
                    product.id, with: details(price: 1), merchantSlug: rivalShop.slug, by: rival)
            } == "product_not_found")
        #expect(
            await errorCode { try await service.remove(product.id, merchantSlug: rivalShop.slug, by: rival) }
                == "product_not_found")
        #expect(try await service.products(of: shop).map(\.details.priceCents) == [2890])
    }

    @Test func aHiddenMerchantsCatalogueIsNotListed() async throws {
        _ = try await service.add(details(), merchantSlug: shop.slug, by: owner)
        try await hub.execute("UPDATE merchant SET hiddenAt = CURRENT_TIMESTAMP WHERE id = \(shop.id)")
        #expect(await errorCode { _ = try await service.listed(merchantSlug: shop.slug) } == "merchant_not_found")
    }

    @Test func aFileWithBrokenRowsNamesEveryOneAndWritesNothing() async throws {
        let csv = """
            name;price;unit;availability;seasonFrom;seasonUntil;category
            Comté;28,90;kg;en stock;;;Fromages
            ;12;pièce;;;;
            Brie;-3;kg;;;;
            Bûche;32;pièce;de saison;2026-12-24;2026-12-01;Fêtes
            Cidre;6,50;gallon;sur commande;;;
            Pain;abc;pièce;bientôt;;;
            Trop;1;pièce
            """
        let report = try await service.importFile(Data(csv.utf8), merchantSlug: shop.slug, by: owner)
        #expect(report.imported.isEmpty)
        #expect(report.rows == 7)
        let named = report.errors.map { "\($0.line):\($0.error.code)" }
        #expect(
            named == [
                "3:invalid_name", "4:invalid_price", "5:invalid_season_until", "6:invalid_unit", "7:invalid_price",
                "7:invalid_availability", "8:invalid_row",
            ])
        #expect(try await service.products(of: shop).isEmpty)
        #expect(try await hub.number("SELECT count(*) FROM auditEntry WHERE action LIKE 'catalogue.%'") == 0)
    }

    @Test func aGoodFileIsImportedAndItsExportReadsBackTheSame() async throws {
        let csv = """
            nom,prix,unité,disponibilité,début saison,fin saison,catégorie,description
            Comté 18 mois,"28,90",le kg,en stock,,,Fromages,"Affiné en cave ; fruité"
            Bûche de Noël,32,la pièce,de saison,01/12/2026,24/12/2026,Fêtes,"Chocolat ""maison"", noir"
            Cidre,6.5,bouteille,sur commande,,,Boissons,-10 % le samedi
            """
        let report = try await service.importFile(Data(csv.utf8), merchantSlug: shop.slug, by: owner)
        #expect(report.errors.isEmpty)
        #expect(report.imported.map(\.details.priceCents) == [2890, 3200, 650])
        #expect(
            report.imported[1].details.availability
                == .seasonal(from: SeasonDay("2026-12-01")!, until: SeasonDay("2026-12-24")!))
        let (_, exported) = try await service.exportFile(merchantSlug: shop.slug, by: owner)
        let rival = try await hub.user("copie@example.org", role: .merchant)
        let copy = try await hub.merchant("Copie", owner: rival)
        let again = try await service.importFile(Data(exported.utf8), merchantSlug: copy.slug, by: rival)
        #expect(again.errors.isEmpty)
        #expect(again.imported.map(\.details) == report.imported.map(\.details))
        #expect(try await service.exportFile(merchantSlug: copy.slug, by: rival).1 == exported)
    }

    @Test func aFileThatWouldPassTheLimitIsRefusedWhole() async throws {
        let rows = (1...ProductRules.limit).map { "Produit \($0);1;pièce" }
        _ = try await service.add(details(), merchantSlug: shop.slug, by: owner)
        let csv = (["name;price;unit"] + rows).joined(separator: "\n")
        #expect(
            await errorCode { _ = try await service.importFile(Data(csv.utf8), merchantSlug: shop.slug, by: owner) }
                == "too_many_products")
        #expect(try await service.products(of: shop).count == 1)
    }

    @Test func unreadableFilesAreRefusedBeforeAnyRow() async throws {
        let files: [Data] = [
            Data([0xFF, 0xFE, 0x00]), Data("name;price\nPain;1".utf8), Data("name;price;unit;colour\n".utf8),
            Data("name;price;unit;name\n".utf8), Data("name;price;unit\n\"Pain;1;pièce".utf8), Data(),
        ]
        for file in files {
            #expect(
                await errorCode { _ = try await service.importFile(file, merchantSlug: shop.slug, by: owner) }
                    == "invalid_file")
        }
        #expect(try await service.products(of: shop).isEmpty)
    }
}
