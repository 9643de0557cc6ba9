import Catalogue
import Community
import Foundation
import HubTestSupport
import Orders
import Storage
import Testing

/// Many residents at once, through two hubs on one database (two `serve` processes): a campaign promises exactly
/// its last units, a window never holds more requests than its capacity. On PostgreSQL when
/// `ZONEHUB_TEST_POSTGRES_URL` is set, on an on-disk SQLite file otherwise.
@Suite struct OrderConcurrencyTests {
    let f: OrdersFixture
    let sibling: TestHub

    init() async throws {
        f = try await OrdersFixture()
        sibling = try await f.hub.sibling()
    }

    /// The services of the second hub, on the same data.
    func services() -> (OrderService, CampaignService) {
        let products = SQLCatalogueStore(database: sibling.hubDatabase.sql)
        let orders = OrderService(
            orders: SQLOrderStore(database: sibling.hubDatabase.sql), products: products,
            merchants: sibling.merchantStore, clock: f.hub.clock)
        return (orders, CampaignService(orders: orders, products: products, clock: f.hub.clock))
    }

    @Test func manyResidentsOrderingTheLastUnitsAtOncePromiseExactlyTheQuantity() async throws {
        let campaign = try await f.campaign(buches: 10)
        var residents: [User] = []
        for number in 1...40 { residents.append(try await f.resident(number)) }
        let campaigns = [f.campaigns, services().1]
        let (slug, buche) = (f.shop.slug, f.buche.id)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for (index, resident) in residents.enumerated() {
                let service = campaigns[index % 2]
                group.addTask {
                    do {
                        _ = try await service.order(
                            [LineRequest(productID: buche, quantity: 1)], campaign: campaign.id, merchantSlug: slug,
                            by: .user(resident))
                        return "ordered"
                    } catch let error as CommunityError {
                        return error.code
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["ordered": 10, "sold_out": 30])
        #expect(try await f.store.campaign(id: campaign.id)?.products.first?.promised == 10)
        #expect(
            try await f.count(
                """
                SELECT CAST(sum(l.acceptedQuantity) AS BIGINT) FROM orderLine l
                JOIN orderRequest r ON r.id = l.orderId WHERE r.status = 'accepted'
                """
            )
                == 10)
    }

    @Test func aWindowFilledByManyAtOnceNeverPassesItsCapacity() async throws {
        let window = try await f.window(capacity: 5)
        var residents: [User] = []
        for number in 1...24 { residents.append(try await f.resident(number)) }
        let services = [f.orders, services().0]
        let (slug, comte) = (f.shop.slug, f.comte.id)
        let outcomes = await withTaskGroup(of: String.self) { group in
            for (index, resident) in residents.enumerated() {
                let service = services[index % 2]
                group.addTask {
                    do {
                        _ = try await service.request(
                            [LineRequest(productID: comte, quantity: 2)], window: window.id, merchantSlug: slug,
                            by: .user(resident))
                        return "requested"
                    } catch let error as CommunityError {
                        return error.code
                    } catch {
                        return "\(error)"
                    }
                }
            }
            return await group.reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
        }
        #expect(outcomes == ["requested": 5, "window_full": 19])
        #expect(try await f.store.window(id: window.id)?.held == 5)
    }
}
