/// A price in cents as people read it: "12,50 €" in French, "€12.50" in English; whole euros without decimals.
package enum Euros {
    package static func text(cents: Int, french: Bool = true) -> String {
        let euros = cents / 100
        let rest = cents % 100
        let amount = rest == 0 ? "\(euros)" : "\(euros)\(french ? "," : ".")\(rest < 10 ? "0" : "")\(rest)"
        return french ? "\(amount) €" : "€\(amount)"
    }
}
