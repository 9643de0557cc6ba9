import Catalogue
import Community
import Foundation
import Hummingbird
import HummingbirdTesting
import Testing

@testable import zonehub

/// The catalogue through HTTP: the merchant's pages (add, edit, remove with a confirmation, CSV import and
/// export), the public merchant and product pages with their JSON-LD, and the API, whose answers are checked
/// against `openapi.json` by `send`.
@Suite struct CatalogueHTTPTests {
    let form = "application/x-www-form-urlencoded"

    func multipart(_ csv: String, boundary: String = "zonehub-boundary") -> [UInt8] {
        Array(
            """
            --\(boundary)\r
            Content-Disposition: form-data; name="file"; filename="catalogue.csv"\r
            Content-Type: text/csv\r
            \r
            \(csv)\r
            --\(boundary)--\r

            """.utf8)
    }

    @Test func aMerchantAddsEditsAndRemovesAProductThroughThePages() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("fromagerie@example.org")
        let base = "/dashboard/merchants/\(slug)/catalogue"
        let empty = try await app.test { try await $0.send(.get, base, token: token) }
        #expect(empty.status == .ok)
        #expect(empty.body.contains("Aucun produit pour l&#39;instant."))
        let refused = try await app.test {
            try await $0.send(
                .post, base, token: token, json: "name=Comt%C3%A9&price=-3&unit=kilogram&availability=in-stock",
                contentType: form)
        }
        #expect(refused.status == .badRequest)
        #expect(
            refused.body.contains("Le prix s&#39;écrit comme 12,50"))
        #expect(refused.body.contains("value=\"Comté\""))
        let reversed = try await app.test {
            try await $0.send(
                .post, base, token: token,
                json:
                    "name=B%C3%BBche&price=32&unit=piece&availability=seasonal&seasonFrom=2026-12-24&seasonUntil=2026-12-01",
                contentType: form)
        }
        #expect(reversed.status == .badRequest)
        #expect(reversed.body.contains("La fin de la saison"))
        let created = try await app.test {
            try await $0.send(
                .post, base, token: token,
                json: "name=Comt%C3%A9+18+mois&price=28%2C90&unit=kilogram&availability=in-stock&category=Fromages",
                contentType: form)
        }
        #expect(created.status == .seeOther)
        let product = try #require(
            try await app.hub.catalogue.products.products(of: try await app.hub.merchants.merchant(slug: slug).id).first
        )
        #expect(product.details.priceCents == 2890)
        let list = try await app.test { try await $0.send(.get, base, token: token) }
        #expect(list.body.contains("28,90 € le kg · En stock · Fromages"))
        let edited = try await app.test {
            try await $0.send(
                .post, "\(base)/\(product.id.rawValue)", token: token,
                json: "name=Comt%C3%A9&price=30&unit=kilogram&availability=to-order&category=Fromages",
                contentType: form)
        }
        #expect(edited.status == .seeOther)
        let confirmation = try await app.test {
            try await $0.send(.get, "\(base)/\(product.id.rawValue)/remove", token: token)
        }
        #expect(confirmation.body.contains("Retirer « Comté » du catalogue ?"))
        let removed = try await app.test {
            try await $0.send(.post, "\(base)/\(product.id.rawValue)/remove", token: token)
        }
        #expect(removed.status == .seeOther)
        #expect(try await app.hub.catalogue.listed(merchantSlug: slug).products.isEmpty)
    }

    @Test func anotherMerchantCannotOpenOrChangeTheCatalogue() async throws {
        let app = try await TestApp()
        let (owner, slug) = try await app.merchant("fromagerie@example.org")
        let (rival, _) = try await app.merchant("rival@example.org")
        let base = "/dashboard/merchants/\(slug)/catalogue"
        _ = try await app.test {
            try await $0.send(.post, base, token: owner, json: "name=Pain&price=1&unit=piece", contentType: form)
        }
        let id = try #require(try await app.hub.catalogue.listed(merchantSlug: slug).products.first?.id.rawValue)
        for (method, path) in [
            (HTTPRequest.Method.get, base), (.get, "\(base).csv"), (.get, "\(base)/\(id)/edit"),
            (.post, "\(base)/\(id)/remove"), (.post, base),
        ] {
            let answer = try await app.test {
                try await $0.send(method, path, token: rival, json: "name=X&price=1&unit=piece", contentType: form)
            }
            #expect(answer.status == .forbidden, "\(method) \(path)")
        }
        let anonymous = try await app.test { try await $0.send(.get, base) }
        #expect(anonymous.status == .unauthorized)
        #expect(try await app.hub.catalogue.listed(merchantSlug: slug).products.map(\.name) == ["Pain"])
    }

    @Test func aCSVFileWithBrokenRowsNamesThemAndWritesNothing() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("fromagerie@example.org")
        let csv = "nom;prix;unité\nComté;28,90;kg\nBrie;-3;kg\n;2;pièce\nCidre;6;gallon"
        let answer = try await app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(slug)/catalogue/import", token: token, bytes: multipart(csv),
                contentType: "multipart/form-data; boundary=zonehub-boundary")
        }
        #expect(answer.status == .badRequest)
        #expect(answer.body.contains("Rien n&#39;a été importé"))
        for line in ["Ligne 3 :", "Ligne 4 :", "Ligne 5 :"] { #expect(answer.body.contains(line)) }
        #expect(!answer.body.contains("Ligne 2 :"))
        #expect(try await app.hub.catalogue.listed(merchantSlug: slug).products.isEmpty)
        let noFile = try await app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(slug)/catalogue/import", token: token, bytes: multipart(""),
                contentType: "multipart/form-data; boundary=zonehub-boundary")
        }
        #expect(noFile.status == .badRequest)
        let notMultipart = try await app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(slug)/catalogue/import", token: token, json: "file=x", contentType: form)
        }
        #expect(notMultipart.status == .badRequest)
    }

    @Test func anImportedCatalogueShowsOnTheMerchantPageAndExportsBack() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("fromagerie@example.org")
        let csv = """
            name,price,unit,availability,seasonFrom,seasonUntil,category,description
            Comté 18 mois,"28,90",kg,en stock,,,Fromages,Affiné en cave
            Bûche de Noël,32,pièce,de saison,2026-12-01,2026-12-24,Fêtes,
            Cidre,"6,50",bouteille,sur commande,,,,
            """
        let imported = try await app.test {
            try await $0.send(
                .post, "/dashboard/merchants/\(slug)/catalogue/import", token: token, bytes: multipart(csv),
                contentType: "multipart/form-data; boundary=zonehub-boundary")
        }
        #expect(imported.status == .seeOther)
        #expect(imported.headers[.location] == "/dashboard/merchants/\(slug)/catalogue?imported=3")
        let page = try await app.test { try await $0.send(.get, "/merchants/\(slug)") }
        #expect(page.body.contains("<h2 id=\"produits-titre\">Produits</h2>"))
        #expect(page.body.contains("<h3>Fromages</h3>") && page.body.contains("<h3>Autres produits</h3>"))
        #expect(page.body.contains("28,90 € le kg"))
        #expect(page.body.contains("Sur commande"))
        #expect(page.body.contains("De saison : du 1er décembre au 24 décembre"))
        let graph = try #require(jsonLD(page.body).first { $0["@graph"] != nil }?["@graph"] as? [[String: Any]])
        #expect(graph.map { $0["@type"] as? String } == ["Product", "Product", "Product"])
        let offer = try #require(graph.first?["offers"] as? [String: Any])
        #expect(offer["price"] as? String == "28.90" && offer["priceCurrency"] as? String == "EUR")
        #expect(offer["availability"] as? String == "https://schema.org/InStock")
        let products = try await app.hub.catalogue.listed(merchantSlug: slug).products
        let productPage = try await app.test {
            try await $0.send(.get, "/merchants/\(slug)/products/\(products[1].id.rawValue)")
        }
        #expect(productPage.status == .ok)
        #expect(productPage.body.contains("<h1>Bûche de Noël</h1>"))
        #expect(try jsonLD(productPage.body).contains { $0["@type"] as? String == "Product" })
        let english = try await app.test { try await $0.send(.get, "/merchants/\(slug)?lang=en") }
        #expect(english.body.contains("€28.90 per kg"))
        let export = try await app.test {
            try await $0.send(.get, "/dashboard/merchants/\(slug)/catalogue.csv", token: token)
        }
        #expect(export.headers[.contentType] == "text/csv; charset=utf-8")
        #expect(export.body.contains("Comté 18 mois;Affiné en cave;28,90;kg;en stock;;;Fromages"))
        let index = try await app.test { try await $0.send(.get, "/sitemap.xml") }
        #expect(index.body.contains("/sitemaps/products-0.xml</loc>"))
        let sitemap = try await app.test { try await $0.send(.get, "/sitemaps/products-0.xml") }
        #expect(sitemap.status == .ok)
        for product in products {
            #expect(sitemap.body.contains("/merchants/\(slug)/products/\(product.id.rawValue)</loc>"))
        }
        let missing = try await app.test { try await $0.send(.get, "/merchants/\(slug)/products/999999") }
        #expect(missing.status == .notFound)
    }

    @Test func theAPIListsCreatesUpdatesRemovesAndImports() async throws {
        let app = try await TestApp()
        let (token, slug) = try await app.merchant("fromagerie@example.org")
        let (rival, _) = try await app.merchant("rival@example.org")
        let path = "/api/v1/merchants/\(slug)/products"
        let created = try await app.test {
            try await $0.send(
                .post, path, token: token,
                json: #"{"name":"Comté","priceCents":2890,"unit":"kilogram","category":"Fromages"}"#)
        }
        #expect(created.status == .created)
        let id = try #require(try decodeJSON(created.body)["id"] as? Int)
        for body in [
            #"{"name":"Comté","priceCents":-1,"unit":"kilogram"}"#, #"{"name":"Comté","priceCents":1,"unit":"gallon"}"#,
            #"{"name":"Bûche","priceCents":1,"unit":"piece","availability":"seasonal","seasonFrom":"2026-12-24","seasonUntil":"2026-12-01"}"#,
            #"{"name":"","priceCents":1,"unit":"piece"}"#,
        ] {
            let refused = try await app.test { try await $0.send(.post, path, token: token, json: body) }
            #expect(refused.status == .badRequest, "\(body)")
        }
        let foreign = try await app.test {
            try await $0.send(.put, "\(path)/\(id)", token: rival, json: #"{"name":"X","priceCents":1,"unit":"piece"}"#)
        }
        #expect(foreign.status == .forbidden)
        let updated = try await app.test {
            try await $0.send(
                .put, "\(path)/\(id)", token: token,
                json: #"{"name":"Comté","priceCents":3000,"unit":"kilogram","availability":"to-order"}"#)
        }
        #expect(updated.status == .ok)
        #expect(try decodeJSON(updated.body)["availability"] as? String == "to-order")
        let broken = try await app.test {
            try await $0.send(
                .post, "\(path)/import", token: token,
                bytes: Array("name;price;unit\nPain;abc;pièce\nBrie;3;gallon".utf8),
                contentType: "text/csv")
        }
        #expect(broken.status == .badRequest)
        let rows = try #require(try decodeJSON(broken.body)["rows"] as? [[String: Any]])
        #expect(rows.map { $0["line"] as? Int } == [2, 3])
        #expect(rows.map { $0["error"] as? String } == ["invalid_price", "invalid_unit"])
        let good = try await app.test {
            try await $0.send(
                .post, "\(path)/import", token: token, bytes: Array("name;price;unit\nPain;1,20;pièce".utf8),
                contentType: "text/csv")
        }
        #expect(good.status == .created)
        let list = try await app.test { try await $0.send(.get, path) }
        let items = try #require(try decodeJSON(list.body)["items"] as? [[String: Any]])
        #expect(items.map { $0["name"] as? String } == ["Comté", "Pain"])
        let removed = try await app.test { try await $0.send(.delete, "\(path)/\(id)", token: token) }
        #expect(removed.status == .noContent)
        let gone = try await app.test { try await $0.send(.get, "\(path)/\(id)") }
        #expect(gone.status == .notFound)
    }

    /// Every JSON-LD object of a page.
    func jsonLD(_ html: String) throws -> [[String: Any]] {
        var objects: [[String: Any]] = []
        var rest = html[...]
        while let start = rest.range(of: "<script type=\"application/ld+json\">"),
            let end = rest[start.upperBound...].range(of: "</script>")
        {
            let json = rest[start.upperBound..<end.lowerBound]
            if let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] {
                objects.append(object)
            }
            rest = rest[end.upperBound...]
        }
        return objects
    }
}
