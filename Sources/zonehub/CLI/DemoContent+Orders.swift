import Catalogue
import Community
import Foundation
import Orders

/// The demo's click-and-collect: collection windows over the coming days at three merchants, a "Bûches de Noël"
/// pre-order campaign at the Épicerie du Marché (orders close on 21 December, collection on the 24th), and a few
/// order requests from guests in different statuses, so that the order pages have something to show. Dates follow
/// the hub's clock; a merchant that already offers windows is skipped.
struct OrderDemoLoader {
    let hub: Hub

    /// Where each demo merchant hands orders over: its name, the hours of its windows (Paris time), their capacity,
    /// and the weekdays it opens (1 = Sunday).
    static let windows: [(merchant: String, hours: (Int, Int), capacity: Int, weekdays: Set<Int>)] = [
        ("Épicerie du Marché", (17, 19), 6, [3, 4, 5, 6, 7]),
        ("Fromagerie des Trois Forêts", (10, 12), 4, [3, 4, 5, 6, 7]),
        ("Conserverie du Périgord Noir", (16, 18), 10, [2, 3, 4, 5, 6, 7]),
    ]
    static let campaignMerchant = "Épicerie du Marché"

    /// Returns how many windows, campaigns and order requests it added.
    func load() async throws -> (windows: Int, campaigns: Int, requests: Int) {
        var added = (windows: 0, campaigns: 0, requests: 0)
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = Formats.paris
        let now = hub.clock.now()
        for demo in Self.windows {
            guard let (owner, merchant) = try await ownerAndMerchant(named: demo.merchant),
                try await hub.orders.windows(merchantSlug: merchant.slug, by: owner).isEmpty
            else { continue }
            var offered: [CollectionWindow] = []
            for day in 1...7 {
                guard let date = calendar.date(byAdding: .day, value: day, to: now),
                    demo.weekdays.contains(calendar.component(.weekday, from: date)),
                    let start = calendar.date(bySettingHour: demo.hours.0, minute: 0, second: 0, of: date),
                    let end = calendar.date(bySettingHour: demo.hours.1, minute: 0, second: 0, of: date)
                else { continue }
                offered.append(
                    try await hub.orders.addWindow(
                        WindowDetails(startsAt: start, endsAt: end, capacity: demo.capacity),
                        merchantSlug: merchant.slug, by: owner))
            }
            added.windows += offered.count
            added.requests += try await requests(at: merchant, windows: offered, owner: owner)
        }
        if let (owner, merchant) = try await ownerAndMerchant(named: Self.campaignMerchant),
            try await hub.campaigns.campaigns(merchantSlug: merchant.slug, by: owner).isEmpty,
            let campaign = try await christmasCampaign(at: merchant, owner: owner, calendar: calendar)
        {
            added.campaigns += 1
            let buche = campaign.products[0].productID
            let placement = try await hub.campaigns.order(
                [LineRequest(productID: buche, quantity: 2)], campaign: campaign.id, merchantSlug: merchant.slug,
                note: "Pour le réveillon, merci !", by: .guest(email: DemoContent.guests[0].email, name: "Camille Roux")
            )
            if let token = placement.token { _ = try await hub.orders.confirm(token: token) }
            added.requests += 1
        }
        return added
    }

    /// Guests' requests at `merchant`, in its first windows: one awaiting an answer, one ready to collect, one
    /// refused with a reason.
    private func requests(at merchant: Merchant, windows: [CollectionWindow], owner: User) async throws -> Int {
        let products = try await hub.catalogue.listed(merchantSlug: merchant.slug).products
        guard products.count >= 2, let first = windows.first else { return 0 }
        let later = windows.dropFirst().first ?? first
        let asks: [(guest: (email: String, name: String), window: CollectionWindow, lines: [LineRequest])] = [
            (DemoContent.guests[0], first, [LineRequest(productID: products[0].id, quantity: 2)]),
            (
                DemoContent.guests[1], later,
                [
                    LineRequest(productID: products[0].id, quantity: 1),
                    LineRequest(productID: products[1].id, quantity: 3),
                ]
            ),
            (DemoContent.guests[2], later, [LineRequest(productID: products[1].id, quantity: 6)]),
        ]
        var requests: [OrderRequest] = []
        for ask in asks {
            let placement = try await hub.orders.request(
                ask.lines, window: ask.window.id, merchantSlug: merchant.slug,
                by: .guest(email: ask.guest.email, name: ask.guest.name))
            guard let token = placement.token else { continue }
            requests.append(try await hub.orders.confirm(token: token))
        }
        if requests.count == 3 {
            _ = try await hub.orders.accept(requests[1].id, merchantSlug: merchant.slug, by: owner)
            _ = try await hub.orders.markReady(requests[1].id, merchantSlug: merchant.slug, by: owner)
            _ = try await hub.orders.refuse(
                requests[2].id, reason: "Nous n'en avons plus que deux cette semaine : redemandez-les mardi.",
                merchantSlug: merchant.slug, by: owner)
        }
        return requests.count
    }

    /// "Bûches de Noël": orders close on 21 December at 18:00 and are collected on the 24th, 9:00 to 17:00, of
    /// the coming Christmas (next year's once this year's orders have closed).
    private func christmasCampaign(at merchant: Merchant, owner: User, calendar: Calendar) async throws
        -> PreOrderCampaign?
    {
        let now = hub.clock.now()
        let products = try await hub.catalogue.listed(merchantSlug: merchant.slug).products
        let buches = DemoContent.buches.compactMap { name in products.first { $0.name == name } }
        guard buches.count == DemoContent.buches.count else { return nil }
        var year = calendar.component(.year, from: now)
        func date(_ day: Int, _ hour: Int) -> Date? {
            calendar.date(from: DateComponents(year: year, month: 12, day: day, hour: hour))
        }
        if let closing = date(21, 18), closing <= now { year += 1 }
        guard let closesAt = date(21, 18), let collectFrom = date(24, 9), let collectUntil = date(24, 17) else {
            return nil
        }
        return try await hub.campaigns.open(
            CampaignDetails(
                title: "Bûches de Noël",
                description: "Nos bûches pâtissières, faites par la pâtisserie de la rue Saint-Spire : commandez "
                    + "avant le 21 décembre, retirez-les le 24 à l'épicerie.",
                closesAt: closesAt, collectFrom: collectFrom, collectUntil: collectUntil,
                products: zip(buches, [30, 20]).map { ($0.id, $1) }),
            merchantSlug: merchant.slug, by: owner)
    }

    private func ownerAndMerchant(named name: String) async throws -> (User, Merchant)? {
        guard let demo = DemoContent.merchants.first(where: { $0.profile.name == name }),
            let owner = try await hub.accounts.user(email: DemoContent.ownerEmail(zone: demo.zone)),
            let merchant = try await hub.merchants.owned(by: owner).first(where: { $0.name == name })
        else { return nil }
        return (owner, merchant)
    }
}

extension DemoContent {
    /// The residents who order in the demo without an account, as guests who confirmed their address.
    static let guests: [(email: String, name: String)] = [
        ("camille.roux@example.org", "Camille Roux"), ("nadia.benali@example.org", "Nadia Benali"),
        ("jules.petit@example.org", "Jules Petit"),
    ]

    /// The Épicerie du Marché's bûches, offered in its Christmas pre-order campaign.
    static let buches = ["Bûche chocolat-praliné", "Bûche aux marrons"]
}
