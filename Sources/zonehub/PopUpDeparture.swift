import Community
import Membership
import PopUps

/// A merchant who deletes their account gives up their coming pop-up places, so that the next merchant waiting
/// is offered each one.
struct PopUpDeparture: AccountDeparture {
    let bookings: BookingService

    func leave(_ user: User, shops: [Merchant]) async throws {
        for shop in shops {
            _ = try await bookings.release(merchant: shop.id, by: user)
        }
    }
}
